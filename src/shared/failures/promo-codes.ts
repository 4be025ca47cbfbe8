/** Failures of this domain, in English (Russian in `i18n/promo-codes.ru.ts`). */
export const promoFailures = {
  'promo-list-gone': 'This list is no longer in PersonaClick. Refresh the lists.',
  'promo-name-mismatch': 'Type the list’s name exactly to confirm.',
  'promo-review-gone': 'This review has expired. Review the codes again.',
  'promo-upload-gone': 'This upload is no longer here.',
  'promo-nothing-to-send': 'No valid new codes to send.',
  'promo-pattern-no-slots': 'Put at least one X in the pattern: each X becomes a random character.',
  'promo-pattern-invalid':
    'A pattern can hold no spaces or control characters and at most 64 characters.',
  'promo-pattern-too-short':
    'This pattern has too few X for that many distinct codes. Add more X or generate fewer codes.',
} as const
