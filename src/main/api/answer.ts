import type { z } from 'zod'
import { keyedFailure, type AppError, type AppFailure } from '../../shared/errors'
import type { EndpointSpec } from './catalogue'

/** Enough of an answer for support to recognise it, short enough for a toast's details. */
const EXCERPT_MAX = 200

export interface ShapeFailure {
  ok: false
  failure: AppFailure
  outcome: 'error' | 'unknown'
}

export type AnswerCheck = { ok: true; data: unknown } | ShapeFailure

/**
 * A short excerpt of an answer for error details. Scrubbed before it is cut, so a secret
 * the API echoed cannot survive as a fragment at the cut.
 */
export function answerExcerpt(value: unknown, scrub: (text: string) => string): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  const clean = scrub(text)
  return clean.length > EXCERPT_MAX ? `${clean.slice(0, EXCERPT_MAX)}…` : clean
}

/** The first thing the schema disliked, as "0.rate: Invalid input" (paths, no values). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return ''
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/**
 * A successful answer the console cannot read. A read simply failed. A send is different:
 * PersonaClick accepted the request, so the message may well have gone out — the outcome is
 * unknown (never "sent", never resent), with words that say to check the history first.
 * When the answer was a bare `{"error": …}` (`bareError`), the words quote PersonaClick.
 */
export function unknownShape(spec: EndpointSpec, details: AppError['details'] = {}): ShapeFailure {
  const said = details.bareError === true
  if (spec.idempotent) {
    return {
      ok: false,
      failure: keyedFailure(
        'API_UNEXPECTED_RESPONSE',
        said ? 'answer-error' : 'answer-unknown',
        details,
      ),
      outcome: 'error',
    }
  }
  return {
    ok: false,
    failure: keyedFailure(
      'API_UNEXPECTED_RESPONSE',
      said ? 'send-answer-error' : 'send-answer-unknown',
      {
        ...details,
        mayHaveBeenProcessed: true,
      },
    ),
    outcome: 'unknown',
  }
}

/** Parses a normalised answer with the endpoint's schema (see answers.ts). */
export function checkAnswer(
  spec: EndpointSpec,
  status: number,
  data: unknown,
  scrub: (text: string) => string,
): AnswerCheck {
  const parsed = spec.answer.safeParse(data)
  if (parsed.success) return { ok: true, data: parsed.data }
  return unknownShape(spec, {
    status,
    excerpt: answerExcerpt(data, scrub),
    issue: scrub(firstIssue(parsed.error)),
  })
}
