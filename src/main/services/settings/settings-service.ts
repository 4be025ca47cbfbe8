import { join } from 'node:path'
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings'
import type { EventBus } from '../../ipc/event-bus'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

export interface SettingsDeps {
  dataDir: string
  events: EventBus
}

/** Language and theme, kept in `settings.json` in the data folder. */
export class SettingsService {
  private current: Settings = defaultSettings
  private readonly path: string
  private readonly events: EventBus

  private constructor(deps: SettingsDeps) {
    this.path = join(deps.dataDir, 'settings.json')
    this.events = deps.events
  }

  static async open(deps: SettingsDeps): Promise<SettingsService> {
    const service = new SettingsService(deps)
    service.current = await readJsonFile(service.path, settingsSchema, defaultSettings)
    return service
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
