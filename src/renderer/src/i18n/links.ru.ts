import type { linkFailures } from '../../../shared/external-links'

/** Ошибки открытия ссылок по ключу (английский текст — в shared/external-links.ts). */
export const linkFailuresRu: Record<keyof typeof linkFailures, string> = {
  'link-outside':
    'Ссылка ведёт за пределы PersonaClick, консоль её не откроет. Скопируйте её, если доверяете.',
}
