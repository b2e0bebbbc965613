import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isBeheer, Principal } from '../common/auth/principal';
import { Problems } from '../common/problem/problem';
import { BerichtenVolgorde, gemachtigdVoorEvent } from './berichten-volgorde.service';
import { FeedQuery, FeedResponse } from './berichten.dto';
import { BerichtenErrors } from './berichten.errors';
import { OutboxRij, positieTekst, toCloudEvent } from './cloud-event';

/** Positions scanned per request at most, so a vendor with few mandated schools never scans the whole table. */
const SCAN = 20_000;

/**
 * The pull feed (OphalenBerichten, rod.md P4): events of the schools that mandate the vendor, in feed order,
 * after a cursor. The cursor is the feed position the sequencer gives in commit order, so a page never skips an event.
 */
@Injectable()
export class FeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly volgorde: BerichtenVolgorde,
  ) {}

  async read(principal: Principal, query: FeedQuery): Promise<FeedResponse> {
    // Events committed since the last worker pass become readable now, not a tick later.
    await this.volgorde.position();
    const vanaf = BigInt(query.vanaf ?? '0').toString();
    // The sandbox's own counter: positions of other sandboxes neither move nor bound it.
    const [r]: { top: string; berichten: OutboxRij[] }[] = await this.db.query(
      `WITH top AS (SELECT coalesce((SELECT laatste_positie FROM feed_teller WHERE sandbox_id = $1), 0) AS top),
       e AS (
         SELECT e.feed_positie, e.event_id, e.type, e.source, e.subject, e.time, e.data
           FROM outbox_event e
          WHERE e.sandbox_id = $1 AND e.feed_positie > $2::bigint AND e.feed_positie <= $2::bigint + $4
            AND ($5::char(20) IS NULL OR ${gemachtigdVoorEvent('e', '$5::char(20)')})
          ORDER BY e.feed_positie
          LIMIT $3)
       SELECT (SELECT top FROM top)::text AS top, (SELECT coalesce(json_agg(e ORDER BY e.feed_positie), '[]') FROM e) AS berichten`,
      [principal.sandboxId, vanaf, query.limit, SCAN, isBeheer(principal) ? null : principal.oin],
    );
    const berichten = r.berichten.map(toCloudEvent);
    const top = BigInt(r.top);
    // Positions only grow, so a cursor beyond the newest position was never handed out in this sandbox (one of a
    // deleted sandbox of the same code, or made up): an empty page would hide every event until the feed caught up.
    if (BigInt(vanaf) > top) {
      throw Problems.invalidInput([
        { parameter: 'vanaf', code: BerichtenErrors.cursorOnbekend, detail: `vanaf is beyond the newest position of this sandbox's feed (${positieTekst(top)}); start again from 0` },
      ]);
    }
    const volgende =
      berichten.length === query.limit ? BigInt(berichten[berichten.length - 1].sequence) : bigMax(BigInt(vanaf), bigMin(BigInt(vanaf) + BigInt(SCAN), top));
    const cursor = positieTekst(volgende);
    return {
      berichten,
      volgendeCursor: cursor,
      meer: volgende < top,
      _links: {
        self: { href: `/rod/v1/berichten?vanaf=${vanaf}&limit=${query.limit}` },
        volgende: { href: `/rod/v1/berichten?vanaf=${cursor}&limit=${query.limit}` },
      },
    };
  }
}

const bigMin = (a: bigint, b: bigint) => (a < b ? a : b);
const bigMax = (a: bigint, b: bigint) => (a > b ? a : b);
