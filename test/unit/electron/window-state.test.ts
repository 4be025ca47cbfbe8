import { describe, expect, it } from 'vitest'
import { restoreBounds } from '../../../src/main/electron/window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const external = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('window position memory', () => {
  it('reuses a position that is still on a screen', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false }
    expect(restoreBounds(saved, [laptop, external])).toEqual(saved)
  })

  it('drops the position (keeps the size) when its monitor is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: true }
    expect(restoreBounds(saved, [laptop])).toEqual({ width: 1200, height: 800, maximized: true })
  })

  it('drops a position whose title bar is above the screen', () => {
    const saved = { x: 10, y: -500, width: 1000, height: 700, maximized: false }
    expect(restoreBounds(saved, [laptop])).not.toHaveProperty('x')
  })

  it('keeps only the size when no position was saved', () => {
    expect(restoreBounds({ width: 900, height: 600, maximized: false }, [laptop])).toEqual({
      width: 900,
      height: 600,
      maximized: false,
    })
  })
})
