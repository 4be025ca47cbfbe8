import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { MessageSchema } from '../i18n/en'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (shown in the header and the window title). */
    titleKey: `nav.${keyof MessageSchema['nav']}` | 'notFound.title'
    /** PrimeIcons class for the sidebar; only routes with an icon appear there. */
    icon?: string
  }
}

/** Each screen registers here once; the sidebar lists the ones with an icon. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/overview' },
  {
    path: '/overview',
    name: 'overview',
    component: () => import('../views/OverviewView.vue'),
    meta: { titleKey: 'nav.overview', icon: 'pi pi-home' },
  },
  {
    path: '/import',
    name: 'import',
    component: () => import('../views/ImportView.vue'),
    meta: { titleKey: 'nav.import', icon: 'pi pi-upload' },
  },
  {
    path: '/sends',
    name: 'sends',
    component: () => import('../views/SendsView.vue'),
    meta: { titleKey: 'nav.sends', icon: 'pi pi-send' },
  },
  {
    path: '/nps',
    name: 'nps',
    component: () => import('../views/NpsView.vue'),
    meta: { titleKey: 'nav.nps', icon: 'pi pi-chart-line' },
  },
  {
    path: '/activity',
    name: 'activity',
    component: () => import('../views/ActivityView.vue'),
    meta: { titleKey: 'nav.activity', icon: 'pi pi-history' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('../views/SettingsView.vue'),
    meta: { titleKey: 'nav.settings', icon: 'pi pi-cog' },
  },
  {
    path: '/about',
    name: 'about',
    component: () => import('../views/AboutView.vue'),
    meta: { titleKey: 'nav.about', icon: 'pi pi-info-circle' },
  },
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: () => import('../views/NotFoundView.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
