import { definePreset } from '@primeuix/themes'
import Aura from '@primeuix/themes/aura'

/**
 * Aura with an indigo primary at shades that keep WCAG AA contrast: white text on
 * indigo-600 in light mode, dark text on indigo-300 in dark mode (Aura's default
 * emerald-500 with white text fails the axe scan). Unselected toggle buttons and
 * message texts get darker (light) or lighter (dark) shades for the same reason.
 */
const textButtons = (shade: number) =>
  Object.fromEntries(
    (
      [
        ['danger', 'red'],
        ['warn', 'orange'],
        ['success', 'green'],
        ['info', 'sky'],
      ] as const
    ).map(([severity, hue]) => [severity, { color: `{${hue}.${shade}}` }]),
  )

const messageColours = (shade: number) =>
  Object.fromEntries(
    (
      [
        ['info', 'blue'],
        ['success', 'green'],
        ['warn', 'yellow'],
        ['error', 'red'],
      ] as const
    ).map(([severity, hue]) => [
      severity,
      { color: `{${hue}.${shade}}`, simple: { color: `{${hue}.${shade}}` } },
    ]),
  )

export const consoleTheme = definePreset(Aura, {
  components: {
    button: {
      colorScheme: {
        light: {
          root: {
            danger: {
              background: '{red.700}',
              borderColor: '{red.700}',
              hoverBackground: '{red.800}',
            },
          },
          text: textButtons(700),
          outlined: textButtons(700),
        },
        dark: { text: textButtons(300), outlined: textButtons(300) },
      },
    },
    message: {
      colorScheme: { light: messageColours(800), dark: messageColours(200) },
    },
    togglebutton: {
      colorScheme: {
        light: { root: { color: '{surface.600}' }, icon: { color: '{surface.600}' } },
        dark: { root: { color: '{surface.300}' }, icon: { color: '{surface.300}' } },
      },
    },
  },
  semantic: {
    primary: {
      50: '{indigo.50}',
      100: '{indigo.100}',
      200: '{indigo.200}',
      300: '{indigo.300}',
      400: '{indigo.400}',
      500: '{indigo.500}',
      600: '{indigo.600}',
      700: '{indigo.700}',
      800: '{indigo.800}',
      900: '{indigo.900}',
      950: '{indigo.950}',
    },
    colorScheme: {
      light: {
        primary: {
          color: '{primary.600}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.700}',
          activeColor: '{primary.800}',
        },
        highlight: {
          background: '{primary.50}',
          focusBackground: '{primary.100}',
          color: '{primary.800}',
          focusColor: '{primary.900}',
        },
      },
      dark: {
        primary: {
          color: '{primary.300}',
          contrastColor: '{surface.950}',
          hoverColor: '{primary.200}',
          activeColor: '{primary.100}',
        },
        highlight: {
          background: 'color-mix(in srgb, {primary.400}, transparent 84%)',
          focusBackground: 'color-mix(in srgb, {primary.400}, transparent 76%)',
          color: '{primary.100}',
          focusColor: '{primary.50}',
        },
      },
    },
  },
})
