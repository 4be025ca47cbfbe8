import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { MessageSchema } from '../i18n/en'
import { loadScreenWords } from '../i18n'
import { screens, type Screen, type ScreenName } from './screens'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (shown in the header and the window title). */
    titleKey: `nav.${keyof MessageSchema['nav']}` | 'notFound.title'
    /** The screen this route shows; the sidebar and the Overview list them. */
    screen?: Screen
  }
}

// A screen whose `nav.<name>` title is missing from the catalogue fails the type check here.
const titleKey = (name: ScreenName): `nav.${keyof MessageSchema['nav']}` => `nav.${name}`

/** A screen's view is `views/<Name>View.vue`, loaded when first opened. */
const views = import.meta.glob<{ default: Component }>('../views/*View.vue')
function view(name: string): () => Promise<{ default: Component }> {
  const file = `../views/${name[0]!.toUpperCase()}${name.slice(1)}View.vue`
  const load = views[file]
  if (!load) throw new Error(`Screen "${name}" has no ${file}`)
  return load
}

/** The view and the screen's own words load side by side; the screen shows once both are here. */
function withWords(
  screen: Screen,
  load: () => Promise<{ default: Component }>,
): () => Promise<{ default: Component }> {
  const words = screen.words
  if (!words) return load
  return () => Promise.all([load(), loadScreenWords(words)]).then(([view]) => view)
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: screens[0].path },
  ...screens.map((screen): RouteRecordRaw => ({
    path: screen.path,
    name: screen.name,
    component: withWords(screen, view(screen.name)),
    meta: { titleKey: titleKey(screen.name), screen },
  })),
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: view('notFound'),
    meta: { titleKey: 'notFound.title' },
  },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
