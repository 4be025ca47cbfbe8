import {
  statisticKeys,
  type MessageState,
  type MessageStatistics,
  type NotificationMessage,
} from './notifications'

/**
 * Reading PersonaClick's message answers: one message of GET /notifications, and the
 * status GET /notifications/:code gives. Pure, so the API client's answer schema and the
 * notifications service share it.
 */

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const textOf = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''

const idOf = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null

/** A time PersonaClick gave as ISO text; anything unreadable is dropped, not guessed. */
function instantOf(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null
  const ms = Date.parse(v)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

function statisticsOf(v: unknown): MessageStatistics {
  const s = isRecord(v) ? v : {}
  const out = {} as MessageStatistics
  // Missing flags read as "not happened": the reference lists all seven, but lists vary.
  for (const key of statisticKeys) out[key] = s[key] === true || s[key] === 'true'
  return out
}

/** One message of a /notifications answer (already checked by its answer schema). */
export function toMessage(m: Record<string, unknown>): NotificationMessage {
  return {
    code: idOf(m.code),
    type: textOf(m.type) === 'chain' ? 'trigger' : textOf(m.type),
    channel: idOf(m.channel),
    campaignId: idOf(m.campaign_id),
    sentAt: instantOf(m.sent_at),
    date: typeof m.date === 'string' ? m.date : null,
    subject: textOf(m.subject),
    body: textOf(m.body),
    url: textOf(m.url),
    icon: textOf(m.icon),
    picture: textOf(m.picture),
    statistics: statisticsOf(m.statistics),
  }
}

/**
 * Reads whatever GET /notifications/:code answered. The reference documents `{"200"}` —
 * not even JSON — so the client hands this endpoint's answer over raw: the text when it is
 * not JSON, else the JSON value with its envelope. Likely variants are read the same way:
 * `200`, `"200"`, `{"status":"200"}`, `{"status":200}`, `{"status":"delivered"}`,
 * `{"status":"success","payload":{"status":"opened"}}`, `{"message":{…statistics}}`.
 */

/** Words PersonaClick (or a proxy) may use, by the state they mean. */
const WORDS: [RegExp, MessageState][] = [
  [/^(200|ok|success|successful|found|exists?|true|accepted|known)$/, 'found'],
  [/^(queued|pending|scheduled|processing|created|new|waiting|in[ _]progress)$/, 'queued'],
  [/^(sent|sending|dispatched|send)$/, 'sent'],
  [/^(delivered|delivery)$/, 'delivered'],
  [/^(opened|open|read|viewed|seen)$/, 'opened'],
  [/^(clicked|click)$/, 'clicked'],
  [/^(bounced|hard[ _]bounced?|soft[ _]bounced?|undelivered|bounce)$/, 'bounced'],
  [/^(complained|complaint|spam)$/, 'complained'],
  [/^(unsubscribed|unsubscribe)$/, 'unsubscribed'],
  [/^(failed|fail|failure|error|rejected|dropped|cancell?ed)$/, 'failed'],
  [/^(404|not[ _]found|missing|unknown[ _]code)$/, 'not-found'],
]

/** Keys an object may keep its status under, most specific first. */
const STATUS_KEYS = ['status', 'state', 'message_status', 'delivery_status', 'result']

function stateOfWord(word: string): MessageState | null {
  const w = word.trim().toLowerCase()
  for (const [re, state] of WORDS) if (re.test(w)) return state
  return null
}

/** `{"200"}` and friends: braces, quotes and spaces around one word. */
function wordOfText(text: string): string {
  return text
    .trim()
    .replace(/^[{[]+|[}\]]+$/g, '')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim()
}

/** The status word an answer carries, looking into payload/data envelopes. */
function wordOf(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return wordOfText(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (!isRecord(value) || depth > 3) return null
  // An envelope's status ("success") only says the request worked; the status of the
  // message is inside. A payload that holds none (a list, say) is no status at all.
  for (const key of ['payload', 'data']) {
    if (value[key] !== undefined && value[key] !== null) return wordOf(value[key], depth + 1)
  }
  for (const key of STATUS_KEYS) {
    const v = value[key]
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v)
  }
  // {"200": …}: a lone key that is itself the status.
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] && stateOfWord(keys[0])) return keys[0]
  return null
}

function messageOf(value: unknown, depth = 0): NotificationMessage | undefined {
  if (!isRecord(value) || depth > 3) return undefined
  const m = value.message
  if (isRecord(m) && typeof m.type === 'string') return toMessage(m)
  for (const key of ['payload', 'data']) {
    const inner = messageOf(value[key], depth + 1)
    if (inner) return inner
  }
  return undefined
}

/** What the message's statistics say happened, most telling first. */
function stateOfStatistics(m: NotificationMessage): MessageState | null {
  const s = m.statistics
  if (s.hard_bounced || s.soft_bounced) return 'bounced'
  if (s.complained) return 'complained'
  if (s.unsubscribed) return 'unsubscribed'
  if (s.clicked) return 'clicked'
  if (s.opened) return 'opened'
  return null
}

const MAX_SAID = 200

function said(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : JSON.stringify(raw)
  return text.length > MAX_SAID ? `${text.slice(0, MAX_SAID)}…` : text
}

export interface StatusReading {
  /** 'unrecognised': no status the console knows; the API client refuses such an answer. */
  state: MessageState | 'unrecognised'
  said: string
  message?: NotificationMessage
}

export function readMessageStatus(raw: unknown): StatusReading {
  // An empty 200: PersonaClick accepted the code and said nothing more.
  if (raw === '' || raw === null) return { state: 'found', said: 'HTTP 200' }
  const word = wordOf(raw)
  const message = messageOf(raw)
  let state: StatusReading['state'] =
    word === null ? 'unrecognised' : (stateOfWord(word) ?? 'unrecognised')
  if (
    message &&
    (state === 'found' || state === 'sent' || state === 'delivered' || state === 'unrecognised')
  ) {
    state = stateOfStatistics(message) ?? (state === 'unrecognised' ? 'found' : state)
  }
  return { state, said: said(raw), ...(message ? { message } : {}) }
}
