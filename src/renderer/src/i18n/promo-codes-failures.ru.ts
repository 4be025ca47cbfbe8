import type { promoFailures } from '../../../shared/promo-codes'

/** Ошибки по ключу (английский текст — в shared/promo-codes.ts). */
export const promoFailuresRu: Record<keyof typeof promoFailures, string> = {
  'promo-list-gone': 'Этого списка больше нет в PersonaClick. Обновите списки.',
  'promo-name-mismatch': 'Для подтверждения введите название списка точно.',
  'promo-review-gone': 'Эта проверка устарела. Проверьте коды ещё раз.',
  'promo-upload-gone': 'Этой загрузки больше нет.',
  'promo-nothing-to-send': 'Нет ни одного нового корректного кода.',
  'promo-pattern-no-slots': 'Добавьте в шаблон хотя бы одну X: каждая X станет случайным символом.',
  'promo-pattern-invalid':
    'В шаблоне не может быть пробелов и управляющих символов, и он не длиннее 64 символов.',
  'promo-pattern-too-short':
    'В шаблоне слишком мало X для стольких разных кодов. Добавьте X или уменьшите число кодов.',
}
