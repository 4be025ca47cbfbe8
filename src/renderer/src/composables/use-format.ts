import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { format, type Format } from '../i18n/format'

/** The window's formats (`i18n/format.ts`) in its current language, following a switch. */
export function useFormat(): Format {
  const { locale } = useI18n()
  const current = computed(() => format(locale.value))
  return {
    number: (n, digits) => current.value.number(n, digits),
    percent: (share, digits) => current.value.percent(share, digits),
    date: (at) => current.value.date(at),
    dateTime: (at) => current.value.dateTime(at),
    duration: (seconds) => current.value.duration(seconds),
    bytes: (n) => current.value.bytes(n),
  }
}
