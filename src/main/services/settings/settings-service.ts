import { join } from 'node:path'
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings'
import type { EventBus } from '../../ipc/event-bus'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

/** Language and theme, kept in `settings.json` in the data folder. */
export class SettingsService {
  private current: Settings = defaultSettings
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly events: EventBus,
  ) {
    this.path = join(dataDir, 'settings.json')
  }

  async load(): Promise<Settings> {
    this.current = await readJsonFile(this.path, settingsSchema, defaultSettings)
    return this.current
  }

  get(): Settings {
    return this.current
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.current = settingsSchema.parse({ ...this.current, ...patch })
    await writeJsonFile(this.path, this.current)
    this.events.emit('settings:changed', this.current)
    return this.current
  }
}
