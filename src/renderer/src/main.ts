import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import Tooltip from 'primevue/tooltip'
import { createApp } from 'vue'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { electronFiles, installHostFiles, webFiles } from './bridge/host-files'
import { installWebBridge } from './bridge/web-bridge'
import { DARK_CLASS } from './composables/use-theme'
import { installLinkGuard } from './composables/link-guard'
import { i18n } from './i18n'
import { router } from './router'
import { useSettingsStore } from './stores/settings'
import { consoleTheme } from './theme'
import './styles.css'

// Under Electron the preload has put window.pc in place; in the browser host we build it,
// and files reach main by upload instead of by path.
if ('pc' in window) installHostFiles(electronFiles)
else {
  installWebBridge()
  installHostFiles(webFiles)
}
installLinkGuard()

const pinia = createPinia()
const app = createApp(App)
  .use(pinia)
  .use(router)
  .use(i18n)
  .use(PrimeVue, {
    theme: { preset: consoleTheme, options: { darkModeSelector: `.${DARK_CLASS}` } },
    // A dialog moves focus into itself when its opening animation ends; whoever had started
    // typing by then (a fast marketer, a test, a busy machine) lost keystrokes to the close
    // button: a shop's secret came out empty. Without the CSS transition the focus moves as
    // the dialog appears, before anyone can type.
    pt: { dialog: { transition: { css: false } } },
  })
  .directive('tooltip', Tooltip)

// The first screen is drawn once the marketer's language is here, so it never flashes
// English (or bare message keys) before their own.
await useSettingsStore(pinia).start()
app.mount('#app')
