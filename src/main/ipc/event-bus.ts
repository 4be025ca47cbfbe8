import type { EventName, EventPayload } from '../../shared/contract/types'

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Services emit here; each host subscribes once and forwards to its windows or sockets. */
export class EventBus {
  private readonly sinks = new Set<EventSink>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink(event, payload)
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }
}
