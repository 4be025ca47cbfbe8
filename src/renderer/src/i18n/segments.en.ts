/** Segments. ru: segments.ru.ts, same keys. */
export const segmentsEn = {}
