import { useI18n } from 'vue-i18n'

/**
 * A length of time as a marketer says it ("12 seconds", "3 minutes", "1 h 20 min"), in the
 * screen's language, rounded to the unit that matters at that size. One place, so every
 * estimate and every elapsed time reads the same way in both languages.
 */
export function useDuration(): (seconds: number) => string {
  const { t } = useI18n()
  return (seconds) => {
    const s = Math.round(Math.max(0, seconds))
    if (s < 60) return t('duration.seconds', s)
    const m = Math.round(s / 60)
    if (m < 60) return t('duration.minutes', m)
    const h = Math.floor(m / 60)
    return m % 60 ? t('duration.hoursMinutes', { h, m: m % 60 }) : t('duration.hours', h)
  }
}
