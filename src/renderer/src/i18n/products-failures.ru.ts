import type { productFailures } from '../../../shared/products'

export const productFailuresRu: Record<keyof typeof productFailures, string> = {
  'product-not-found':
    'В каталоге PersonaClick нет товара с таким ID. Проверьте ID в фиде каталога.',
  'watchlist-full': 'В списке наблюдения помещается до {max} товаров. Сначала открепите один.',
  'watch-unknown': 'Этого товара нет в списке наблюдения.',
  'waiting-gone': 'Этого товара больше никто не ждёт. Обновите список.',
}
