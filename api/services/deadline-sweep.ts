import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { Database, Tx } from '../../db/client';
import { appendAudit, JsonText, type AuditInput } from '../../db/audit/append';
import { boardCounts, campaigns, escalationRaisedColumns, escalations, webhookOutbox } from '../../db/schema';
import { awaitingOfficeRecipient, campaignOverdue, escalationRecipients, isPhase, rungsReachedBy, statesAwaitingOffice, unassignedFirstRungRecipient, windowBounds, type Phase } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { unmetCriteria } from './campaign-detail';
import { rungsOf, tableOf } from './item-tables';
import { loadCampaign, type CampaignRow } from './campaign-rules';
import type { ResolvedBecause } from '../../db/schema/escalations';
import { auditResolved, resolvePhasesLeft } from './escalations-resolved';
import { letOthersIn } from './let-others-in';
import { webhookBody } from './escalation-webhook';
import { passOnStranded } from './escalation-reroute';
import { loadEscalationRouting } from './people/escalation-routing';

type EscalationRow = typeof escalations.$inferSelect;

export interface SweepResult {
  readonly raised: number;
  /** Escalations settled: resolved, and, by the first sweep after start, those passed on to their item's new unit. */
  readonly resolved: number;
}

/** HMAC-SHA256 of the body under the campaign's shared secret, as sent in X-Battlemap-Signature. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}


/** The escalations a write transaction raised, as its audit entry lists them. */
interface Raised {
  readonly count: number;
  /** The first escalation's id, which the raise entry is filed under. */
  readonly firstId: number;
  /** A JSON array of a row of `escalationRaisedColumns` for each escalation, by id. */
  readonly listed: string;
}

/** The raise entry's list of escalations held as objects (the phase's, raised one at a time). */
function raisedOf(rows: readonly EscalationRow[]): Raised | null {
  const [first] = rows;
  if (first === undefined) return null;
  const listed = rows.map((row) => [row.id, row.subject, row.subjectId, row.level, row.recipient, row.recipientUserId, row.unitId, row.dueAt, row.detail]);
  return { count: rows.length, firstId: first.id, listed: JSON.stringify(listed) };
}

/**
 * The one audit entry of the escalations a write transaction raised,
 * listing each with the item, rung and recipient it was raised for, a row
 * of `escalationRaisedColumns` each. One entry, not one each: a sweep raising 10,000 spent
 * a sixth of its time chaining, hashing and storing their entries; and rows,
 * not objects, because the entry's text is hashed twice over. Each
 * escalation's later entries (acknowledged, resolved) are its own, under its
 * id; this entry is filed under the first escalation's id, and the event
 * stream sends it to everyone in the campaign, since it may list
 * escalations of any unit.
 */
function raisedEntry(campaignId: number, raised: Raised, at: string): AuditInput {
  return {
    at,
    actorId: null,
    campaignId,
    subject: 'escalation',
    subjectId: raised.firstId,
    event: 'escalation.raise',
    fromState: null,
    toState: 'open',
    // The same text as JSON.stringify({ columns, escalations }) would give, without the list passing through objects.
    payload: new JsonText(`{"columns":${JSON.stringify(escalationRaisedColumns)},"escalations":${raised.listed}}`),
    version: 1,
  };
}

/** Items read and raised per write transaction: about 60 ms of the writer (1,000,000 open items), so moves queued behind a large sweep wait that long, not for the whole sweep. */
const itemsPerPart = 2_500;

/**
 * One sweep of every campaign: raise the rung each overstaying item has
 * reached, and raise an office escalation for a phase whose window closed
 * with the campaign still in it. The unique index on (item, entry, level)
 * makes a repeated sweep, or a second process sweeping, raise nothing
 * twice: only rows this sweep actually inserted get audit entries and
 * webhook deliveries.
 *
 * The items due are raised in parts by due time, each its own write
 * transaction that reads its next items and raises each item's rung
 * together with its escalation, the part's audit entry and the webhook
 * deliveries. A deadline shared by thousands of items (an import's clues
 * all fall due together) would otherwise hold every move behind one long
 * transaction. An item moved on before its part is read is no longer a
 * candidate.
 *
 * Escalations of items that moved on, or whose deadline was extended, are
 * resolved by that change itself, in its own commit (an item's state entry
 * and deadline change only so). `settleAll` also checks every open escalation against its
 * item, for databases written before that was so: the server does it in
 * its first sweep after start. It reads every open escalation, so it is
 * not repeated on every sweep.
 */
export async function sweepDeadlines(database: Database, now: Date, options: { settleAll?: boolean; itemsPerPart?: number } = {}): Promise<SweepResult> {
  const perPart = options.itemsPerPart ?? itemsPerPart;
  let raised = 0;
  let resolved = 0;
  const running = await database.db.select().from(campaigns).where(ne(campaigns.state, 'concluded'));
  for (const campaign of running) {
    for (const kind of ['clue', 'problem'] as const) {
      let after: PartCursor | undefined;
      for (let first = true; ; first = false) {
        // A turn of the event loop first: requests that arrived during the last part queue their moves ahead of this one.
        if (!first) await letOthersIn();
        const part = await database.write(async (tx) => {
          // Read in the part's transaction: the campaign may have been concluded or its ladder changed, and
          // items moved on, since the last part.
          const current = await loadCampaign(tx, campaign.id);
          if (current.state === 'concluded') return null;
          const done = await raisePart(tx, database.isLocalFile, kind, current, now, after, perPart);
          if (done.raised !== null) await recordRaised(tx, current, done.raised, now, () => raisedRows(tx, kind, current, done.raisedAfter, now));
          return { read: done.read, last: done.last, raised: done.raised?.count ?? 0 };
        });
        if (part === null) break;
        raised += part.raised;
        after = part.last;
        if (part.read < perPart) break;
      }
    }
    if (!isPhase(campaign.state) || !campaignOverdue(campaign.state, campaign.config, now)) continue;
    raised += await database.write(async (tx) => {
      const current = await loadCampaign(tx, campaign.id);
      if (!isPhase(current.state) || !campaignOverdue(current.state, current.config, now)) return 0;
      const inserted = await raiseForPhase(tx, current, current.state, now);
      const phaseRaised = raisedOf(inserted);
      if (phaseRaised !== null) await recordRaised(tx, current, phaseRaised, now, async () => inserted);
      return inserted.length;
    });
  }
  if (options.settleAll === true) {
    resolved = await database.write(async (tx) => {
      let settled = 0;
      for (const kind of ['clue', 'problem'] as const) settled += (await resolveMovedOn(tx, kind, now)) + (await passOnStranded(tx, kind, now));
      return settled + (await resolvePhasesLeft(tx, now));
    });
  }
  return { raised, resolved };
}

/** The office escalation of a phase whose window closed with the campaign still in it, listing what blocks leaving it; none if already raised. */
async function raiseForPhase(tx: Tx, campaign: CampaignRow, phase: Phase, now: Date): Promise<EscalationRow[]> {
  const unmet = await unmetCriteria(tx, campaign, now);
  return tx
    .insert(escalations)
    .values({
      campaignId: campaign.id,
      subject: 'campaign',
      subjectId: campaign.id,
      enteredAt: campaign.context.phaseEnteredAt[phase] ?? campaign.createdAt,
      state: phase,
      level: 3,
      recipient: 'office',
      recipientUserId: null,
      unitId: null,
      dueAt: windowBounds(campaign.config, phase).closes.toISOString(),
      raisedAt: now.toISOString(),
      status: 'open',
      detail: { phase, unmet: unmet.map((u) => ({ criterion: u.criterion, blocking: u.blocking })) },
    })
    .onConflictDoNothing()
    .returning();
}

/**
 * The audit entry of escalations just raised and, when the campaign has a
 * webhook, their deliveries: in the transaction that raised them. `rows`
 * reads the escalations themselves, needed only for the deliveries.
 */
async function recordRaised(tx: Tx, campaign: CampaignRow, raised: Raised, now: Date, rows: () => Promise<readonly EscalationRow[]>): Promise<void> {
  const at = now.toISOString();
  await appendAudit(tx, raisedEntry(campaign.id, raised, at));
  if (campaign.webhookUrl === null || campaign.webhookSecret === null) return;
  const url = campaign.webhookUrl;
  const routing = await loadEscalationRouting(tx);
  const inserted = await rows();
  const body = (row: EscalationRow) => webhookBody(row, routing.recipientsOf(row.recipient, row.unitId, row.recipientUserId));
  // SQLite bounds the parameters of one statement: 6 per row × 1,000 rows stays inside it.
  for (let i = 0; i < inserted.length; i += 1000) {
    await tx.insert(webhookOutbox).values(inserted.slice(i, i + 1000).map((row) => ({ campaignId: campaign.id, escalationId: row.id, url, body: body(row), nextAttemptAt: at })));
  }
}

/** Where a sweep's parts stand: the last item of the part before, by due time and then id. */
interface PartCursor {
  readonly dueAt: string;
  readonly id: number;
}

/**
 * Raises, in the caller's write transaction, the rungs reached by now of the
 * next `limit` items by due time after `after` whose rung reached is above
 * the one raised for their state: their escalations, their rungs, and the
 * escalated counts of those raised for the first time in their state.
 * Returns how many items the part read, the last of them, the
 * escalations this call inserted as the raise entry lists them (one raised
 * by another process first is not inserted again, but its rung is kept),
 * and the largest escalation id before them.
 *
 * The items are found in one range of the due-time index, which holds every
 * column read here, with a probe of the rungs for each: the cost grows with
 * what stands due, not with the campaign, and no page of the items is read.
 * The rung each has reached, and to whom it goes, are worked out in SQL by
 * comparing due times with the engine's instants (rungsReachedBy) and
 * recipients (the office's for the states statesAwaitingOffice names): 10,000 items through JavaScript and back cost more than
 * all the sweep's writes. The sweep's tests hold the result to
 * escalationDue, item by item over random due times and assignees.
 */
async function raisePart(tx: Tx, local: boolean, kind: ItemKindName, campaign: CampaignRow, now: Date, after: PartCursor | undefined, limit: number) {
  const t = tableOf(kind);
  const r = rungsOf(kind);
  const e = escalations;
  const reachedBy = rungsReachedBy(now, campaign.config.escalation);
  const [soon, overdue, long] = ([1, 2, 3] as const).map((k) => reachedBy[k].toISOString());
  // Every rung of an item in a state only the office can end goes to the office (escalationRecipientOf).
  const awaitingOffice = statesAwaitingOffice[kind];
  const officesState = awaitingOffice.length === 0 ? sql`0` : sql`state in (${sql.join(awaitingOffice.map((state) => sql`${state}`), sql`, `)})`;
  // By due time, then id: SQLite reads the index in due-time order and sorts only items due at the same
  // instant (an import's clues may all be), stopping at the limit.
  const items = sql`
    select id, state, unit_id, category_id, entered_at, due_at, rung, level,
      case when ${officesState} then ${awaitingOfficeRecipient}
           when level = 1 then (case when assignee_id is null then ${unassignedFirstRungRecipient} else ${escalationRecipients[1]} end)
           when level = 2 then ${escalationRecipients[2]} else ${escalationRecipients[3]} end as recipient,
      case when level = 1 and not ${officesState} then assignee_id end as recipient_user_id
    from (
      select ${t.id} as id, ${t.state} as state, ${t.unitId} as unit_id, ${t.categoryId} as category_id, ${t.assigneeId} as assignee_id,
             ${t.enteredAt} as entered_at, ${t.dueAt} as due_at, ifnull(${r.level}, 0) as rung,
             case when ${t.dueAt} <= ${long} then 3 when ${t.dueAt} <= ${overdue} then 2 else 1 end as level
      from ${t} left join ${r} on ${r.itemId} = ${t.id}
      where ${t.campaignId} = ${campaign.id} and ${t.dueAt} is not null and ${t.dueAt} <= ${soon}
        ${after === undefined ? sql`` : sql`and (${t.dueAt}, ${t.id}) > (${after.dueAt}, ${after.id})`}
        and (${r.level} is null or (${r.level} = 1 and ${t.dueAt} <= ${overdue}) or (${r.level} = 2 and ${t.dueAt} <= ${long}))
      order by ${t.dueAt}, ${t.id}
      limit ${limit})`;
  // The part's items as each statement of the part reads them (they change only when the last one runs):
  // read once into a temporary table of the writer's connection where the database has them (a local
  // file; 25 ms less at 10,000 items than finding them again in each statement), else found again by each.
  let part = sql`with part as (${items})`;
  if (local) {
    await tx.run(sql`create temp table if not exists sweep_part (id integer primary key, state text, unit_id text, category_id integer,
      entered_at text, due_at text, rung integer, level integer, recipient text, recipient_user_id integer)`);
    await tx.run(sql`delete from temp.sweep_part`);
    await tx.run(sql`insert into temp.sweep_part ${items}`);
    // Columns named: the statement cache does not keep a statement that selects `*` (db/statement-cache.ts).
    part = sql`with part as (select id, state, unit_id, category_id, entered_at, due_at, rung, level, recipient, recipient_user_id from temp.sweep_part)`;
  }
  const [read] = await tx.all<{ n: number; last: string | null }>(
    sql`${part} select count(*) as n, (select json_array(due_at, id) from part order by due_at desc, id desc limit 1) as last from part`,
  );
  const n = Number(read?.n ?? 0);
  if (n === 0 || typeof read?.last !== 'string') return { read: 0, last: undefined, raised: null, raisedAfter: 0 };
  const [lastDue, lastId] = JSON.parse(read.last) as [string, number];

  // An item raised to its first rung in this state now counts as escalated where it stands; the board
  // counts' triggers take it off again in the statement that moves it on.
  await tx.run(sql`${part}
    insert into ${boardCounts} (campaign_id, kind, state, unit_id, category_id, n, escalated)
    select ${campaign.id}, ${kind}, state, unit_id, category_id, 0, count(*) from part where rung = 0 group by state, unit_id, category_id
    on conflict (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) do update set escalated = escalated + excluded.escalated`);
  // The escalations this statement inserts are those with ids above the largest before it: an id is never
  // given out twice, and no other writer runs inside this transaction.
  const [before] = await tx.all<{ top: number | null }>(sql`select max(${e.id}) as top from ${e}`);
  const raisedAfter = before?.top ?? 0;
  const raisedAt = now.toISOString();
  await tx.run(sql`${part}
    insert into ${e} (campaign_id, subject, subject_id, entered_at, state, level, recipient, recipient_user_id, unit_id, due_at, raised_at, status)
    select ${campaign.id}, ${kind}, id, entered_at, state, level, recipient, recipient_user_id, unit_id, due_at, ${raisedAt}, 'open'
    from part where true order by id
    on conflict do nothing`);
  // The rung is kept whether this part inserted its escalation or another process did first.
  await tx.run(sql`${part}
    insert into ${r} (item_id, level) select id, level from part where true
    on conflict (item_id) do update set level = max(level, excluded.level)`);
  // The raise entry's list, built by SQL as one text: thousands of rows read into objects and written out
  // again cost the sweep more than all of its SQL but the insert. Listed in id order: an aggregate over a
  // subquery with ORDER BY takes its rows in that order (SQLite does not flatten it away), and a libSQL
  // server's parser does not take ORDER BY inside json_group_array.
  const [answer] = await tx.all<{ n: number; first: number | null; listed: string }>(sql`
    select count(*) as n, min(id) as first,
      json_group_array(json_array(id, subject, subject_id, level, recipient, recipient_user_id, unit_id, due_at, json(detail))) as listed
    from (select id, subject, subject_id, level, recipient, recipient_user_id, unit_id, due_at, detail from ${e} where ${e.id} > ${raisedAfter} order by ${e.id})`);
  const count = Number(answer?.n ?? 0);
  const raised = count === 0 || answer?.first == null ? null : { count, firstId: Number(answer.first), listed: answer.listed };
  return { read: n, last: { dueAt: lastDue, id: lastId }, raised, raisedAfter };
}

/**
 * The escalations a part raised (those with ids above `after`), for their
 * webhook deliveries. (RETURNING builds one result row per escalation in
 * libSQL's client; one JSON text of them is parsed at a tenth of the cost.)
 */
async function raisedRows(tx: Tx, kind: ItemKindName, campaign: CampaignRow, after: number, now: Date): Promise<EscalationRow[]> {
  const e = escalations;
  const [answer] = await tx.all<{ raised: string }>(sql`
    select json_group_array(json_array(${e.id}, ${e.subjectId}, ${e.enteredAt}, ${e.state}, ${e.level}, ${e.recipient}, ${e.recipientUserId}, ${e.unitId}, ${e.dueAt}))
    as raised from ${e} where ${e.id} > ${after}`);
  const rows = JSON.parse(answer?.raised ?? '[]') as [number, number, string, string, number, EscalationRow['recipient'], number | null, string | null, string][];
  const raisedAt = now.toISOString();
  return rows
    .sort((a, b) => a[0] - b[0])
    .map(([id, subjectId, enteredAt, state, level, recipient, recipientUserId, unitId, dueAt]): EscalationRow => ({
      id,
      campaignId: campaign.id,
      subject: kind,
      subjectId,
      enteredAt,
      state,
      level,
      recipient,
      recipientUserId,
      unitId,
      dueAt,
      raisedAt,
      status: 'open',
      acknowledgedBy: null,
      acknowledgedAt: null,
      note: null,
      resolvedAt: null,
      detail: null,
    }));
}

/** Resolves the escalations of items that left the state they were raised for (or were closed), or whose deadline was extended since. */
export async function resolveMovedOn(tx: Tx, kind: ItemKindName, now: Date, onlyItem?: number): Promise<number> {
  const t = tableOf(kind);
  const moved = await tx
    .update(escalations)
    .set({ status: 'resolved', resolvedAt: now.toISOString() })
    .where(
      and(
        eq(escalations.subject, kind),
        inArray(escalations.status, ['open', 'acknowledged']),
        onlyItem === undefined ? undefined : eq(escalations.subjectId, onlyItem),
        sql`not exists (select 1 from ${t} where ${t.id} = ${escalations.subjectId} and ${t.enteredAt} = ${escalations.enteredAt} and ${t.dueAt} = ${escalations.dueAt})`,
      ),
    )
    .returning();
  if (moved.length === 0) return 0;
  // Read after the change that resolved them (in its transaction): an item that entered a state since moved on; one
  // still in the state it was raised in was given a later deadline.
  const items = await tx
    .select({ id: t.id, enteredAt: t.enteredAt })
    .from(t)
    // One parameter however many: the sweep's settling at start may resolve thousands.
    .where(sql`${t.id} in (select value from json_each(${JSON.stringify([...new Set(moved.map((row) => row.subjectId))])}))`);
  const enteredAt = new Map(items.map((item) => [item.id, item.enteredAt]));
  await auditResolved(tx, moved, now, (row): ResolvedBecause => (enteredAt.get(row.subjectId) === row.enteredAt ? 'extended' : 'movedOn'));
  return moved.length;
}

