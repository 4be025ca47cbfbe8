import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ApiCallRecord } from '../../api/types'
import type { Logger } from '../../log/logger'
import { JsonlLog } from '../../store/jsonl-log'
import { activityCsv } from './csv'
import type { CsvDialect } from '../files/csv'
import { matches } from './filter'
import { parseRecord } from './record-schema'
import type { ActivityFilter, ActivityPage, ActivityRecord } from '../../../shared/activity'

export interface ActivityLogOptions {
  dataDir: string
  /** Records kept (newest). Default 10,000. */
  capacity?: number
  fileName?: string
  logger?: Logger
  newId?: () => string
}

export type ActivityListener = (record: ActivityRecord) => void

/**
 * The activity log: the newest `capacity` API calls, in `activity.jsonl`. Written off the
 * caller's path (the main process must not block on disk per API call) and compacted once
 * the file holds twice the records kept, so it cannot grow without bound.
 */
export class ActivityLog {
  private constructor(
    private readonly records: JsonlLog<ActivityRecord>,
    private readonly newId: () => string,
  ) {}

  get file(): string {
    return this.records.file
  }

  /** Opens (creating the folder if needed) and reloads the records kept by earlier runs. */
  static async open(opts: ActivityLogOptions): Promise<ActivityLog> {
    const records = await JsonlLog.open({
      file: join(opts.dataDir, opts.fileName ?? 'activity.jsonl'),
      capacity: opts.capacity ?? 10_000,
      compactAt: 2,
      // Lines are checked: user data, possibly cut short by a crash or from an older version.
      parse: parseRecord,
      ...(opts.logger ? { logger: opts.logger.scope('activity') } : {}),
    })
    return new ActivityLog(records, opts.newId ?? randomUUID)
  }

  /** Adds a record (already redacted by the client) and schedules it for the file. */
  append(call: ApiCallRecord): ActivityRecord {
    return this.records.append({ id: this.newId(), ...call })
  }

  /** Live updates for the activity screen; returns the unsubscribe function. */
  subscribe(listener: ActivityListener): () => void {
    return this.records.subscribe(listener)
  }

  list(filter: ActivityFilter = {}): ActivityPage {
    return this.records.page((r) => matches(r, filter), filter)
  }

  exportCsv(filter: ActivityFilter, dialect: CsvDialect): string {
    return activityCsv([...this.records.newestFirst((r) => matches(r, filter))], dialect)
  }

  clear(): Promise<void> {
    return this.records.clear()
  }

  /** Resolves once everything appended so far is on disk. */
  flush(): Promise<void> {
    return this.records.flush()
  }
}
