import { z } from 'zod'

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false }

/**
 * A remembered position is only reused if the window would still be on a screen that
 * exists now (monitors get unplugged); otherwise the size is kept and the OS centres it.
 */
export function restoreBounds(saved: WindowState, displays: readonly Rect[]): WindowState {
  const { x, y, width, height, maximized } = saved
  if (x === undefined || y === undefined) return { width, height, maximized }
  // The title bar (top 40 px, at least 100 px of it) must land on some display.
  const titleBarOnScreen = displays.some(
    (d) =>
      Math.min(x + width, d.x + d.width) - Math.max(x, d.x) >= 100 &&
      y >= d.y &&
      y + 40 <= d.y + d.height,
  )
  return titleBarOnScreen ? { x, y, width, height, maximized } : { width, height, maximized }
}
