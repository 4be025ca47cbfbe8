import { getCountries } from 'libphonenumber-js/min'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Countries (for phone numbers) and time zones, named in the console's language. */
export function useLocaleLists() {
  const { locale } = useI18n()
  const countries = computed(() => {
    const names = new Intl.DisplayNames([locale.value], { type: 'region' })
    return getCountries()
      .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
      .sort((a, b) => a.label.localeCompare(b.label, locale.value))
  })
  const timeZones = (Intl.supportedValuesOf?.('timeZone') ?? ['UTC']).map((z) => ({
    value: z,
    label: z,
  }))
  if (!timeZones.some((z) => z.value === 'UTC')) timeZones.unshift({ value: 'UTC', label: 'UTC' })
  return { countries, timeZones }
}
