import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

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
    },
    plugins: [vue()],
  },
})
