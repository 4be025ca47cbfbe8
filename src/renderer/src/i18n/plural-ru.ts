/**
 * Russian has three plural forms (1 магазин, 2 магазина, 5 магазинов) plus our "zero"
 * form; vue-i18n's default rule only knows English's two.
 * Message order: "zero | one | few | many".
 */
export function russianPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice)
  const offset = choicesLength === 4 ? 1 : 0
  if (offset && n === 0) return 0
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return offset
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return offset + 1
  return offset + 2
}
