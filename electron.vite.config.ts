import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The shared modules (`src/shared`) hold, side by side, zod schemas for main and plain data
 * the renderer needs (lists, failure texts). Building a zod schema has no side effect, but
 * the bundler cannot know that, so every schema of a module the window imports at start
 * would keep zod (~40 KB gzip) in its first chunk. For the renderer build only, each zod
 * call and each schema derived from another (`fooSchema.extend(…)`) is marked pure: a
 * schema nobody parses with is dropped, and zod loads with the screen that validates.
 * `z.config(…)` is a real side effect and is left alone.
 */
function pureSchemas(): Plugin {
  const zodCall = /(?<![\w.$'"`])z(?=\s*\.\s*(?!config\b)\w+\s*\()/g
  const assigned = /^(?:export )?const (\w+)(?:: [^=\n]+)? =\s*(\w+)\s*\./gm
  return {
    name: 'pure-schemas',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]shared[\\/].*\.ts$/.test(id) || !code.includes("from 'zod'")) return null
      // Schemas: the ones named so (imported from another module, too), and every constant
      // built from `z` or from another schema of this module.
      const schemas = new Set<string>()
      for (let grew = true; grew;) {
        grew = false
        for (const [, name, from] of code.matchAll(assigned)) {
          const isSchema = from === 'z' || from!.endsWith('Schema') || schemas.has(from!)
          if (isSchema && !schemas.has(name!)) grew = Boolean(schemas.add(name!))
        }
      }
      const derived = new RegExp(
        `(?<![\\w.$'"\`])(?=(?:\\w+Schema${[...schemas].map((n) => `|${n}`).join('')})\\s*\\.\\s*(?!(?:safe)?parse)\\w+\\s*\\()`,
        'g',
      )
      // Schema helpers of ours build schemas too (an export channel's input plus its `csv`).
      const helperCall = /(?<![\w.$'"`]|function\s+)(?=withCsvChoice\s*\()/g
      const marked = code
        .replace(zodCall, '/* @__PURE__ */ z')
        .replace(derived, '/* @__PURE__ */ ')
        .replace(helperCall, '/* @__PURE__ */ ')
      return { code: marked, map: null }
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The Electron host...
          index: resolve('src/main/index.ts'),
          // ...and the browser host, which runs the same core services under plain Node.
          'web-host': resolve('src/main/web-host/cli.ts'),
          // Audience-import validation runs in a worker thread: its own entry file.
          'import-worker': resolve('src/main/services/audience-import/import-worker.ts'),
          // ...and hands pieces of a large file to checking threads.
          'segment-worker': resolve('src/main/services/audience-import/segment-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      chunkSizeWarningLimit: 2000,
      // electron-vite leaves minification off; the window's start-up JavaScript is a third
      // of its size minified.
      minify: 'oxc',
    },
    // vue-i18n's build flags: the Composition API only (no legacy `$t` API), no global
    // <i18n-t> components, no devtools hook; the code behind them is dropped.
    define: {
      __VUE_I18N_LEGACY_API__: 'false',
      __VUE_I18N_FULL_INSTALL__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    plugins: [vue(), pureSchemas()],
  },
})
