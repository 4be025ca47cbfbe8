// The audience fields as plain values, apart from the import's schemas in `import.ts`, so
// the import's checking threads load no schema library.

/** How a documented audience field is checked and normalised (POST /import/audience). */
export type FieldKind =
  'email' | 'phone' | 'string' | 'int' | 'bool' | 'gender' | 'date' | 'platform'

export const subscriptionFlags = [
  'email_bulk',
  'email_chain',
  'email_transactional',
  'sms_bulk',
  'sms_chain',
  'sms_transactional',
] as const
export type SubscriptionFlag = (typeof subscriptionFlags)[number]

/** Every standard audience element property in the reference, in its order. */
export const audienceFields = {
  email: 'email',
  phone: 'phone',
  loyalty_id: 'string',
  id: 'string',
  fb_id: 'string',
  vk_id: 'string',
  telegram_id: 'string',
  loyalty_card_location: 'string',
  loyalty_status: 'string',
  loyalty_bonuses: 'int',
  loyalty_bonuses_to_next_level: 'int',
  gender: 'gender',
  location: 'string',
  first_name: 'string',
  middle_name: 'string',
  last_name: 'string',
  age: 'int',
  birthday: 'date',
  bought_something: 'bool',
  email_bulk: 'bool',
  email_chain: 'bool',
  email_transactional: 'bool',
  sms_bulk: 'bool',
  sms_chain: 'bool',
  sms_transactional: 'bool',
  mobile_token: 'string',
  mobile_token_platform: 'platform',
} as const satisfies Record<string, FieldKind>
export type AudienceField = keyof typeof audienceFields
export const audienceFieldNames = Object.keys(audienceFields) as AudienceField[]
