import { describe, expect, it } from 'vitest'
import {
  normaliseIdentifier,
  notificationsParams,
} from '../../../src/main/services/notifications/notifications-service'
import {
  identifierKinds,
  messageChannels,
  messageTypes,
  notificationsPageSchema,
  summariseHistory,
  type NotificationMessage,
} from '../../../src/shared/notifications'

const base = {
  identifierKind: 'email' as const,
  identifier: 'anna@example.com',
  dateFrom: '2026-11-16',
  types: ['bulk' as const],
  channels: ['email' as const],
}

describe('GET /notifications request building', () => {
  it('always carries date_from, type, channel, the one identifier, page and limit 50', () => {
    for (const kind of identifierKinds) {
      for (let t = 1; t <= messageTypes.length; t++) {
        for (let c = 1; c <= messageChannels.length; c++) {
          const q = notificationsPageSchema.parse({
            ...base,
            identifierKind: kind,
            types: messageTypes.slice(0, t),
            channels: messageChannels.slice(0, c),
            page: t + c,
          })
          const params = notificationsParams(q, 'ID', q.page)
          expect(Object.keys(params).sort()).toEqual(
            ['channel', 'date_from', 'limit', 'page', 'type', kind].sort(),
          )
          expect(params.limit).toBe(50)
          expect(params.date_from).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          expect(String(params.type).split(',')).toEqual(messageTypes.slice(0, t))
          expect(String(params.channel).split(',')).toEqual(messageChannels.slice(0, c))
          expect(params.type).not.toBe('')
          expect(params.channel).not.toBe('')
        }
      }
    }
  })

  it('refuses a search without a type, a channel, an identifier or a YYYY-MM-DD date', () => {
    const bad = [
      { ...base, types: [] },
      { ...base, channels: [] },
      { ...base, identifier: '   ' },
      { ...base, dateFrom: '16.11.2026' },
      { ...base, dateFrom: '2026-02-30' },
      { ...base, types: ['chain'] },
      { ...base, channels: ['fax'] },
      { ...base, page: 0 },
      { ...base, limit: 100 },
    ]
    for (const input of bad) expect(notificationsPageSchema.safeParse(input).success).toBe(false)
    expect(notificationsPageSchema.parse(base).page).toBe(1)
  })

  it('normalises the identifier as the import does', () => {
    expect(normaliseIdentifier('email', ' Anna@Example.COM ', 'RU')).toBe('anna@example.com')
    expect(normaliseIdentifier('email', 'not-an-email', 'RU')).toBeNull()
    expect(normaliseIdentifier('phone', '8 (916) 123-45-67', 'RU')).toBe('79161234567')
    expect(normaliseIdentifier('phone', '+1 212 555 0100', 'RU')).toBe('12125550100')
    expect(normaliseIdentifier('phone', '12', 'RU')).toBeNull()
    expect(normaliseIdentifier('loyalty_id', '  L123 ', 'RU')).toBe('L123')
    expect(normaliseIdentifier('external_id', ' ', 'RU')).toBeNull()
  })
})

describe('history summary', () => {
  const m = (type: string, opened: boolean, clicked: boolean): NotificationMessage => ({
    code: null,
    type,
    channel: 'email',
    campaignId: null,
    sentAt: null,
    date: null,
    subject: '',
    body: '',
    url: '',
    icon: '',
    picture: '',
    statistics: {
      opened,
      clicked,
      hard_bounced: false,
      soft_bounced: false,
      complained: false,
      unsubscribed: false,
      purchased: false,
    },
  })

  it('counts messages per type and the open and click rates', () => {
    const s = summariseHistory([
      m('bulk', true, true),
      m('bulk', true, false),
      m('trigger', false, false),
      m('transactional', false, false),
    ])
    expect(s.byType).toEqual({ bulk: 2, trigger: 1, transactional: 1 })
    expect(s.openRate).toBe(0.5)
    expect(s.clickRate).toBe(0.25)
    expect(summariseHistory([]).openRate).toBeNull()
  })
})
