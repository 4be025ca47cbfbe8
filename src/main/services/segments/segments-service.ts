import { AppFailure, keyedFailure } from '../../../shared/errors'
import type {
  CustomerSegments,
  IncludesAnswer,
  MembershipChange,
  SegmentEntry,
  SegmentType,
} from '../../../shared/segments'
import type { ApiClient } from '../../api'
import type { ShopDirectory } from '../shops/shop-directory'
import type { SegmentCatalogue } from './catalogue-store'
import { contactParams, readContact } from './contact'

const asType = (t: string): SegmentType | null => (t === 'static' || t === 'dynamic' ? t : null)

/**
 * One customer's segments in the active shop: who is in what (`/segments/get`), put in or
 * take out of a static segment, and "is this customer in segment X" (`/segments/includes`).
 * Every answer teaches the catalogue the segments it mentions.
 */
export class SegmentsService {
  constructor(
    private readonly deps: { api: ApiClient; shops: ShopDirectory; catalogue: SegmentCatalogue },
  ) {}

  async lookup({ contact: raw }: { contact: string }): Promise<CustomerSegments> {
    const { profileId, defaultCountry } = this.deps.shops.profile('active')
    const contact = readContact(raw, defaultCountry)
    let answer: { id: number | string; type: string }[]
    try {
      answer = (await this.deps.api.call('segments.get', 'active', contactParams(contact))).data
    } catch (err) {
      // PersonaClick answers "not found" for someone it has no profile of.
      if (err instanceof AppFailure && err.appError.code === 'API_NOT_FOUND')
        return { contact, found: false, segments: [] }
      throw err
    }
    const seen = answer
      .map((s) => ({ id: Number(s.id), type: asType(s.type) }))
      .filter((s) => Number.isInteger(s.id) && s.id > 0)
    const segments = await this.deps.catalogue.note(profileId, seen)
    return { contact, found: true, segments }
  }

  async change({ contact: raw, segmentId, action }: MembershipChange): Promise<SegmentEntry> {
    const { profileId, defaultCountry } = this.deps.shops.profile('active')
    const contact = readContact(raw, defaultCountry)
    this.refuseDynamic(profileId, segmentId)
    await this.deps.api.call(action === 'add' ? 'segments.add' : 'segments.remove', 'active', {
      ...contactParams(contact),
      segment_id: segmentId,
    })
    // Only static segments take people by hand, so one that just did is static.
    const [entry] = await this.deps.catalogue.note(profileId, [
      { id: segmentId, type: 'static', [action === 'add' ? 'added' : 'removed']: 1 },
    ])
    return entry!
  }

  async includes({
    contact: raw,
    segmentId,
  }: {
    contact: string
    segmentId: number
  }): Promise<IncludesAnswer> {
    const { profileId, defaultCountry } = this.deps.shops.profile('active')
    const contact = readContact(raw, defaultCountry)
    const { data } = await this.deps.api.call('segments.includes', 'active', {
      ...contactParams(contact),
      segment_id: segmentId,
    })
    await this.deps.catalogue.note(profileId, [{ id: segmentId }])
    return { contact, segmentId, includes: data }
  }

  /**
   * The reference does not say what add/remove answer for a dynamic segment, so the console
   * does not try: a segment a lookup showed as dynamic is refused before any request.
   */
  refuseDynamic(profileId: string, segmentId: number): void {
    if (this.deps.catalogue.get(profileId, segmentId)?.type === 'dynamic')
      throw keyedFailure('NOT_ALLOWED', 'segment-dynamic', { id: segmentId })
  }
}
