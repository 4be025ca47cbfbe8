const MB = 1024 * 1024

/**
 * File sizes as a marketer reads them: "2 kB", "10.1 MB" ("10,1 МБ" in Russian), in the
 * locale's unit names. Rounded up, so a total just over the 10 MB limit never reads "10 MB".
 */
export function formatSize(bytes: number, locale: string): string {
  const mb = bytes >= MB
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mb ? 1 : 0,
    roundingMode: 'ceil',
  }).format(mb ? bytes / MB : bytes / 1024)
}
