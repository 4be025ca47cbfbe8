import { z } from 'zod'

export const languages = ['en', 'ru'] as const
export type Language = (typeof languages)[number]

/** `system` follows the OS colour scheme; the others pin it. */
export const themeModes = ['system', 'light', 'dark'] as const
export type ThemeMode = (typeof themeModes)[number]

export const settingsSchema = z.object({
  language: z.enum(languages),
  theme: z.enum(themeModes),
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = { language: 'en', theme: 'system' }
