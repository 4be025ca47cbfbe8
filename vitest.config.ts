import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // The single electron mock: unit tests never need the Electron binary.
          setupFiles: ['test/setup/electron-mock.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Checks every sandbox a file started: nothing ever called /promo_codes/fetch.
          setupFiles: ['test/setup/no-promo-fetch.ts'],
        },
      },
    ],
  },
})
