/**
 * Hand-written review comments in English and Russian, grouped by NPS band, so the
 * console's text analytics see realistic language rather than lorem ipsum.
 */
export const NPS_COMMENTS: Record<'promoter' | 'passive' | 'detractor', string[]> = {
  promoter: [
    'Fast delivery and the courier called in advance. Will order again!',
    'Great prices and the checkout took less than a minute.',
    'Love the mobile app, finding the right size is easy.',
    'Support solved my issue in five minutes, thank you.',
    'Everything arrived well packed, exactly as in the photos.',
    'Best online store I have used this year.',
    'The loyalty bonuses are a nice touch.',
    'Очень быстрая доставка, курьер вежливый. Спасибо!',
    'Удобный сайт, всё нашла за пару минут.',
    'Качество товара отличное, буду заказывать ещё.',
    'Приятные цены и хорошие скидки для постоянных покупателей.',
    'Поддержка ответила сразу и помогла с возвратом.',
    'Всё пришло вовремя и в целости, рекомендую.',
  ],
  passive: [
    'Good overall, but delivery took a day longer than promised.',
    'Fine store, the search could be smarter.',
    'Prices are OK, the choice of sizes is limited.',
    'Checkout works, but I had to enter my address twice.',
    'Decent quality, nothing special.',
    'Нормально, но доставка задержалась на день.',
    'В целом хорошо, но поиск по сайту неудобный.',
    'Цены нормальные, выбор размеров мог бы быть больше.',
    'Приложение иногда подтормаживает.',
  ],
  detractor: [
    'The parcel was late by a week and nobody answered my emails.',
    'Wrong item delivered, the return process is confusing.',
    'Payment failed three times before it went through.',
    'The promo code did not work at checkout.',
    'Courier never showed up, I had to go to the pickup point.',
    'Заказ опоздал на неделю, поддержка не отвечает.',
    'Привезли не тот товар, возврат очень сложный.',
    'Промокод не сработал при оплате.',
    'Оплата не проходила с третьего раза.',
    'Курьер не приехал, пришлось ехать в пункт выдачи.',
  ],
}
