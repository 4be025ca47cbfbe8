import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface HostLinks {
  /** The console's address as printed at launch (opens only with a session). */
  address: string
  /** Everything the host has printed so far, stdout and stderr. */
  output(): string
  /** A fresh one-time launch link, asked for the way a person would: Enter on stdin. */
  next(): Promise<string>
}

/**
 * Reads a browser host's console (started with `--no-open` and a piped stdin): resolves
 * once it is ready, with a way to ask for as many one-time launch links as tests need.
 */
export function hostLinks(child: ChildProcess): Promise<HostLinks> {
  let out = ''
  const waiting: ((link: string) => void)[] = []
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((resolve, reject) => {
    let address = ''
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      out += line + '\n'
      const ready = / ready: (http:\/\/\S+)/.exec(line)?.[1]
      if (ready) address = ready
      const link = /One-time link.*: (http:\/\/\S+)/.exec(line)?.[1]
      if (link) waiting.shift()?.(link)
      // The host prints its first link, then this line: from here on links come on request.
      if (line.startsWith('Press Enter')) {
        resolve({
          address,
          output: () => out,
          next() {
            const link = new Promise<string>((r) => waiting.push(r))
            child.stdin!.write('\n')
            return link
          },
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)))
  })
}

/** Follows a launch link's first hop and returns the cookie it sets (`name=value`). */
export async function exchangeLaunchCode(link: string, origin: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual', headers: { origin } })
  const set = res.headers.get('set-cookie')
  if (res.status !== 303 || !set) throw new Error(`launch code refused (${res.status})`)
  return set.split(';')[0]!
}
