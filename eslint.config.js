import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Core services are Electron-free; only the adapter layer and the entry may import it. */
const electronBan = {
  paths: [
    {
      name: 'electron',
      message: 'Core services stay Electron-free: inject it from src/main/electron.',
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/sandbox/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer has no Electron: use src/renderer/src/api.ts.',
            },
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer is a sandboxed web page: no Node modules.',
            },
            {
              group: ['**/main/**', '**/sandbox/**'],
              message: 'Reach main through the api module.',
            },
          ],
        },
      ],
      // External links go through app:open-external (see composables/link-guard.ts).
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'open', message: 'Use the app:open-external channel.' },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message: 'Only via openExternalSafely (allow-listed).',
        },
      ],
    },
  },
  {
    files: ['src/main/index.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['test/e2e/**/*.ts', 'test/e2e-electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
)
