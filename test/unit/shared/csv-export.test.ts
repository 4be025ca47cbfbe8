import { describe, expect, expectTypeOf, it } from 'vitest'
import { channelNames, channels } from '../../../src/shared/contract/channels'
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src/shared/contract/types'
import type { CsvChoice } from '../../../src/shared/csv-export'
import type { ExportedFile } from '../../../src/shared/files'

/** Channels that answer a file to download. */
type ExportChannel = {
  [C in ChannelName]: ChannelOutput<C> extends ExportedFile ? C : never
}[ChannelName]
/** Those whose input has no `csv` choice: none may. */
type WithoutChoice = {
  [C in ExportChannel]: 'csv' extends keyof ChannelInput<C> ? never : C
}[ExportChannel]

describe('export channels', () => {
  it('every one takes the marketer’s separator as `csv`, from the one fragment', () => {
    expectTypeOf<'nps:export' | 'import:error-report'>().toExtend<ExportChannel>()
    expectTypeOf<WithoutChoice>().toEqualTypeOf<never>()
    expectTypeOf<ChannelInput<'activity:export'>['csv']>().toEqualTypeOf<CsvChoice | undefined>()
    // At run time too: a wrong separator is refused by name, not as an unknown key.
    const exports = channelNames.filter((c) => /(export|report|rejected)$/.test(c))
    expect(exports.length).toBeGreaterThanOrEqual(14)
    for (const name of exports) {
      const parsed = channels[name].input.safeParse({ csv: { delimiter: '|' } })
      expect(parsed.success, name).toBe(false)
      const paths = parsed.error?.issues.map((i) => i.path.join('.')) ?? []
      expect(paths, name).toContain('csv.delimiter')
    }
  })
})
