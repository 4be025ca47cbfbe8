import { appendFileSync } from 'node:fs'
import type { SecretRegistry } from './redact'

export type Level = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void
  info(msg: string, data?: Record<string, unknown>): void
  warn(msg: string, data?: Record<string, unknown>): void
  error(msg: string, data?: Record<string, unknown>): void
  scope(name: string): Logger
}

export interface LoggerOptions {
  secrets: SecretRegistry
  /** Append JSON lines here; omitted in tests that only want the console. */
  file?: string
  /** Also write to stderr (the hosts do; unit tests do not). */
  console?: boolean
  minLevel?: Level
}

const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** A scoped JSON-lines logger whose every record is redacted before it is written. */
export function createLogger(opts: LoggerOptions, scopeName = 'main'): Logger {
  const min = order[opts.minLevel ?? 'info']
  const write = (level: Level, msg: string, data?: Record<string, unknown>): void => {
    if (order[level] < min) return
    const record = {
      t: new Date().toISOString(),
      level,
      scope: scopeName,
      msg: opts.secrets.scrubText(msg),
      ...(data ? { data: opts.secrets.redact(data) } : {}),
    }
    const line = JSON.stringify(record)
    if (opts.file) {
      try {
        appendFileSync(opts.file, line + '\n', { mode: 0o600 })
      } catch {
        // A full disk must not take the console down; the record still goes to stderr.
        process.stderr.write(line + '\n')
      }
    }
    if (opts.console) process.stderr.write(line + '\n')
  }
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    scope: (name) => createLogger(opts, `${scopeName}:${name}`),
  }
}
