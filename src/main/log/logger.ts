import { appendFileSync, renameSync, rmSync, statSync } from 'node:fs'
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
  /** Rotate the file past this size (default 5 MiB), keeping `keep` older ones (default 3). */
  maxBytes?: number
  keep?: number
  /** Also write to stderr (the hosts do; unit tests do not). */
  console?: boolean
  minLevel?: Level
}

const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/**
 * Appends lines to a file that rotates by size: console.log → console.log.1 → … → .keep,
 * the oldest dropped, so a console left open for months never fills the disk.
 */
function rotatingFile(path: string, maxBytes: number, keep: number): (line: string) => void {
  let size = statSync(path, { throwIfNoEntry: false })?.size ?? 0
  const rotate = (): void => {
    rmSync(`${path}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      if (statSync(`${path}.${i}`, { throwIfNoEntry: false }))
        renameSync(`${path}.${i}`, `${path}.${i + 1}`)
    }
    if (keep > 0) renameSync(path, `${path}.1`)
    else rmSync(path, { force: true })
    size = 0
  }
  return (line) => {
    const bytes = Buffer.byteLength(line) + 1
    if (size > 0 && size + bytes > maxBytes) rotate()
    appendFileSync(path, line + '\n', { mode: 0o600 })
    size += bytes
  }
}

/** A scoped JSON-lines logger whose every record is redacted before it is written. */
export function createLogger(opts: LoggerOptions, scopeName = 'main'): Logger {
  // One file writer shared by every scope, so the size it counts is the file's.
  const toFile = opts.file
    ? rotatingFile(opts.file, opts.maxBytes ?? 5 * 1024 ** 2, opts.keep ?? 3)
    : null
  return scopedLogger(opts, toFile, scopeName)
}

function scopedLogger(
  opts: LoggerOptions,
  toFile: ((line: string) => void) | null,
  scopeName: string,
): Logger {
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
    if (toFile) {
      try {
        toFile(line)
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
    scope: (name) => scopedLogger(opts, toFile, `${scopeName}:${name}`),
  }
}
