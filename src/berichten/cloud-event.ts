/** An outbox row as the feed and the delivery worker read it. */
export interface OutboxRij {
  event_id: string;
  type: string;
  source: string;
  subject: string;
  time: Date | string;
  data: Record<string, unknown>;
  feed_positie: string | number;
}

/** Digits of a feed position as text: every bigint fits, so the text sorts as the number does. */
export const POSITIE_CIJFERS = 19;

/**
 * A feed position as CloudEvents `sequence` and as cursor: zero-padded, so that comparing the strings orders them as
 * the positions (the sequence extension compares its values as strings).
 */
export const positieTekst = (p: string | number | bigint) => BigInt(p).toString().padStart(POSITIE_CIJFERS, '0');

/** CloudEvents 1.0, NL GOV profile: id unique per source, source a urn:nld:oin URN, reverse-DNS type, UTC time. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  /** Extension `sequence`: the event's feed position (the pull feed's cursor), zero-padded to sort as a string. */
  sequence: string;
  data: Record<string, unknown>;
}

export function toCloudEvent(r: OutboxRij): CloudEvent {
  return {
    specversion: '1.0',
    id: r.event_id,
    source: r.source,
    type: r.type,
    time: new Date(r.time).toISOString(),
    subject: r.subject,
    datacontenttype: 'application/json',
    sequence: positieTekst(r.feed_positie),
    data: r.data,
  };
}
