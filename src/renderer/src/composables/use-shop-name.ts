import { useI18n } from 'vue-i18n'

/**
 * A shop's name as the window shows it: the built-in Demo shop is stored as "Demo shop" but
 * reads in the window's language, so the header, the Overview and every list agree.
 */
export function useShopName(): (shop: { isDemo: boolean; label: string }) => string {
  const { t } = useI18n()
  return (shop) => (shop.isDemo ? t('shops.demoLabel') : shop.label)
}
