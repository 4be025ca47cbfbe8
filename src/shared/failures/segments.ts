/**
 * The segments' own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/segments.ru.ts`).
 */
export const segmentFailures = {
  'segment-exists': 'Segment {id} is already in the list. Rename it instead.',
  'segment-unknown': 'Segment {id} is not in the list. Add it first.',
  'segment-dynamic':
    'Segment {id} is dynamic: PersonaClick fills it by its rules, so people cannot be added or removed by hand.',
  'segment-contact-invalid':
    'Enter an email address or a phone number (with the country code, or one from the shop’s country).',
  'segment-catalogue-unreadable':
    'That file is not a segment list. Export one from this screen to see the columns it needs (id, name).',
  'segment-job-gone': 'That segment change no longer exists.',
  'segment-needs-contact-column': 'Choose the column with the email or the phone number.',
} as const
