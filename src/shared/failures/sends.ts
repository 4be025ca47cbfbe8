/**
 * The sends' own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/sends.ru.ts`).
 */
export const sendFailures = {
  'message-code-required': 'Enter a message code.',
  'send-gone': 'That send is not in the log any more.',
  'bulk-gone': 'That bulk send no longer exists.',
  'bulk-needs-recipient': 'Choose the column with the email or the phone number.',
  'bulk-sms-needs-phone': 'SMS campaigns need the phone number column.',
} as const
