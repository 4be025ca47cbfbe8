import { importEn } from './import.en'
import { notificationsEn } from './notifications.en'
import { npsEn } from './nps.en'
import { segmentsEn } from './segments.en'

/**
 * Words of spreadsheet exports main writes: column headers and values, which
 * `services/files/csv-dialect.ts` reads in the marketer's language (the save menu's words
 * are in the window's catalogue). exports.ru.ts has the same keys. A column a re-import or
 * a bulk send's template reads by name keeps its API code (the waiting list's product
 * columns); the others are words.
 */
export const exportsEn = {
  yes: 'yes',
  imported: { rejected: 'not imported', partial: 'imported without a value' },
  columns: {
    activity: {
      id: 'ID',
      time: 'Time (UTC)',
      shop: 'Shop',
      shopId: 'Shop ID',
      method: 'Method',
      path: 'Path',
      status: 'HTTP status',
      outcome: 'Outcome',
      errorCode: 'Error code',
      duration: 'Duration (ms)',
      size: 'Size (bytes)',
      retries: 'Retries',
      params: 'Parameters',
    },
    nps: {
      id: 'Response ID',
      time: 'Time (UTC)',
      score: 'Score',
      group: 'Group',
      channel: 'Channel',
      channelName: 'Channel name',
      category: 'Category',
      categoryName: 'Category name',
      comment: 'Comment',
    },
    segments: { id: 'ID', name: 'Name', note: 'Note', type: 'Type' },
    rejected: { row: 'Row', value: 'Value', reason: 'Reason' },
    segmentReport: {
      row: 'Row',
      contact: 'Contact',
      outcome: 'Outcome',
      reason: 'Reason',
      retries: 'Retries',
    },
    notifications: {
      sent: 'Sent (UTC)',
      sentLocal: 'Sent in shop time ({zone})',
      type: 'Type',
      channel: 'Channel',
      subject: 'Subject',
      campaignId: 'Campaign ID',
      code: 'Message code',
      url: 'Link',
    },
    importReport: { row: 'Row', outcome: 'Outcome', reason: 'Reason' },
    searchGaps: { rank: 'Rank', query: 'Search query', searches: 'Searches (2 weeks)' },
    gaps: {
      productId: 'Product ID',
      name: 'Name',
      price: 'Price',
      url: 'Link',
      noName: 'No name',
      noPrice: 'No price',
      noUrl: 'No link',
      noImage: 'No image',
      imageError: 'Image download error',
    },
    waiting: { email: 'Email', phone: 'Phone' },
    watchlist: {
      time: 'Snapshot time (UTC)',
      productId: 'Product ID',
      name: 'Name',
      views24h: 'Views (24 h)',
      carts24h: 'Carts (24 h)',
      purchases24h: 'Purchases (24 h)',
      views15m: 'Views (15 min)',
      carts15m: 'Carts (15 min)',
      purchases15m: 'Purchases (15 min)',
    },
    sendLog: {
      time: 'Time (UTC)',
      source: 'Source',
      route: 'Campaign type',
      campaign: 'Campaign',
      email: 'Email',
      phone: 'Phone',
      messageCode: 'Message code',
      status: 'Status',
      errorCode: 'Error code',
      error: 'Error',
    },
    bulkReport: {
      row: 'Row',
      email: 'Email',
      phone: 'Phone',
      status: 'Status',
      messageCode: 'Message code',
      errorCode: 'Error code',
      reason: 'Reason',
    },
    promoCodes: { code: 'Code' },
  },
  values: {
    npsGroup: npsEn.group,
    segmentType: { static: segmentsEn.types.static, dynamic: segmentsEn.types.dynamic },
    statistics: notificationsEn.statistics,
    importIssues: { reasons: importEn.reasons, fields: importEn.fields },
  },
}
