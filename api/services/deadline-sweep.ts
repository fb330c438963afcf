import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { Database, Tx } from '../../db/client';
import { appendAudit, appendAuditAll, type AuditInput } from '../../db/audit/append';
import { boardCounts, campaigns, escalations, webhookOutbox } from '../../db/schema';
import { campaignOverdue, escalationDue, isPhase, windowBounds, type EscalationThresholds, type Phase } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { unmetCriteria } from './campaign-detail';
import { rungsOf, tableOf } from './item-tables';
import { campaignColumns, loadCampaign, type CampaignRow } from './campaign-rules';
import { letOthersIn } from './let-others-in';
import { loadEscalationRouting } from './people/escalation-routing';

type EscalationRow = typeof escalations.$inferSelect;

export interface SweepResult {
  readonly raised: number;
  readonly resolved: number;
}

const hour = 3_600_000;

/**
 * The JSON a webhook receives for an escalation. `recipientUserIds` names
 * who it was routed to when raised: the assignee, the unit's leads, or the
 * office's leads (empty when it goes to every office user).
 */
function webhookBody(row: EscalationRow, recipientUserIds: readonly number[]): string {
  return JSON.stringify({
    type: 'escalation.raised',
    escalation: {
      id: row.id,
      campaignId: row.campaignId,
      subject: row.subject,
      subjectId: row.subjectId,
      state: row.state,
      level: row.level,
      recipient: row.recipient,
      recipientUserId: row.recipientUserId,
      recipientUserIds,
      unitId: row.unitId,
      dueAt: row.dueAt,
      raisedAt: row.raisedAt,
      detail: row.detail,
    },
  });
}

/** HMAC-SHA256 of the body under the campaign's shared secret, as sent in X-Battlemap-Signature. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The fields of each escalation a raise entry lists, in the order of its rows. */
const raisedColumns = ['id', 'subject', 'subjectId', 'level', 'recipient', 'recipientUserId', 'unitId', 'dueAt', 'detail'] as const;

/**
 * The one audit entry of the escalations a write transaction raised,
 * listing each with the item, rung and recipient it was raised for, a row
 * of `columns` each. One entry, not one each: a sweep raising 10,000 spent
 * a sixth of its time chaining, hashing and storing their entries; and rows,
 * not objects, because the entry's text is hashed twice over. Each
 * escalation's later entries (acknowledged, resolved) are its own, under its
 * id; this entry is filed under the first escalation's id, and the event
 * stream sends it to everyone in the campaign, since it may list
 * escalations of any unit.
 */
function raisedEntry(campaignId: number, rows: readonly [EscalationRow, ...EscalationRow[]], at: string): AuditInput {
  return {
    at,
    actorId: null,
    campaignId,
    subject: 'escalation',
    subjectId: rows[0].id,
    event: 'escalation.raise',
    fromState: null,
    toState: 'open',
    payload: {
      columns: raisedColumns,
      escalations: rows.map((row) => [row.id, row.subject, row.subjectId, row.level, row.recipient, row.recipientUserId, row.unitId, row.dueAt, row.detail]),
    },
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
 * Escalations of items that moved on are resolved by the move itself, in
 * its own commit (an item's state entry, and so its deadline, changes only
 * when it moves). `settleAll` also checks every open escalation against its
 * item, for databases written before that was so: the server does it in
 * its first sweep after start. It reads every open escalation, so it is
 * not repeated on every sweep.
 */
export async function sweepDeadlines(database: Database, now: Date, options: { settleAll?: boolean; itemsPerPart?: number } = {}): Promise<SweepResult> {
  const perPart = options.itemsPerPart ?? itemsPerPart;
  let raised = 0;
  let resolved = 0;
  // Not the map: it is most of the row, and the sweep runs every few minutes.
  const running = await database.db.select(campaignColumns).from(campaigns).where(ne(campaigns.state, 'concluded'));
  for (const campaign of running) {
    for (const kind of ['clue', 'problem'] as const) {
      let after: DueItem | undefined;
      for (let first = true; ; first = false) {
        // A turn of the event loop first: requests that arrived during the last part queue their moves ahead of this one.
        if (!first) await letOthersIn();
        const part = await database.write(async (tx) => {
          // Read in the part's transaction: the campaign may have been concluded or its ladder changed, and
          // items moved on, since the last part.
          const current = await loadCampaign(tx, campaign.id);
          if (current.state === 'concluded') return null;
          const items = await dueItems(tx, kind, campaign.id, current.config.escalation, now, { after, limit: perPart });
          const inserted = await raiseForItems(tx, kind, current, items, now);
          await recordRaised(tx, current, inserted, now);
          return { items, raised: inserted.length };
        });
        if (part === null) break;
        raised += part.raised;
        after = part.items.at(-1);
        if (part.items.length < perPart) break;
      }
    }
    if (!isPhase(campaign.state) || !campaignOverdue(campaign.state, campaign.config, now)) continue;
    raised += await database.write(async (tx) => {
      const current = await loadCampaign(tx, campaign.id);
      if (!isPhase(current.state) || !campaignOverdue(current.state, current.config, now)) return 0;
      const inserted = await raiseForPhase(tx, current, current.state, now);
      await recordRaised(tx, current, inserted, now);
      return inserted.length;
    });
  }
  if (options.settleAll === true) {
    resolved = await database.write(async (tx) => {
      let settled = 0;
      for (const kind of ['clue', 'problem'] as const) settled += await resolveMovedOn(tx, kind, now);
      return settled;
    });
  }
  return { raised, resolved };
}

/** The office escalation of a phase whose window closed with the campaign still in it, listing what blocks leaving it; none if already raised. */
async function raiseForPhase(tx: Tx, campaign: CampaignRow, phase: Phase, now: Date): Promise<EscalationRow[]> {
  const unmet = await unmetCriteria(tx, campaign);
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

/** The audit entries of escalations just raised and, when the campaign has a webhook, their deliveries: in the transaction that raised them. */
async function recordRaised(tx: Tx, campaign: CampaignRow, inserted: readonly EscalationRow[], now: Date): Promise<void> {
  const [first, ...rest] = inserted;
  if (first === undefined) return;
  const at = now.toISOString();
  await appendAudit(tx, raisedEntry(campaign.id, [first, ...rest], at));
  if (campaign.webhookUrl === null || campaign.webhookSecret === null) return;
  const url = campaign.webhookUrl;
  const routing = await loadEscalationRouting(tx);
  const body = (row: EscalationRow) => webhookBody(row, routing.recipientsOf(row.recipient, row.unitId, row.recipientUserId));
  // SQLite bounds the parameters of one statement: 5 per row × 1,000 rows stays inside it.
  for (let i = 0; i < inserted.length; i += 1000) {
    await tx.insert(webhookOutbox).values(inserted.slice(i, i + 1000).map((row) => ({ escalationId: row.id, url, body: body(row), nextAttemptAt: at })));
  }
}

/** An open item as the sweep reads it from the due-time index, with the rung raised for the state it is in (0: none). */
interface DueItem {
  readonly id: number;
  readonly state: string;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly assigneeId: number | null;
  readonly enteredAt: string;
  readonly dueAt: string;
  readonly rung: number;
}

/**
 * The items that may have reached a rung above the one raised for their
 * state, as SQL sees it: the first `limit` by due time after `after`. One
 * range of the due-time index, which holds every column read here, and a
 * probe of the rungs for each item in it: the cost grows with what stands
 * due, not with the campaign, and no page of the items is read. Only to find
 * candidates; escalationDue stays the judge of what is raised and to whom.
 */
async function dueItems(tx: Tx, kind: ItemKindName, campaignId: number, thresholds: EscalationThresholds, now: Date, page: { after: DueItem | undefined; limit: number }): Promise<DueItem[]> {
  const t = tableOf(kind);
  const r = rungsOf(kind);
  const horizon = new Date(now.getTime() + thresholds.dueSoonHours * hour).toISOString();
  const longOverdue = new Date(now.getTime() - thresholds.longOverdueDays * 24 * hour).toISOString();
  const { after } = page;
  // One row of JSON: libSQL's client builds each row it returns field by field, 15 µs a row of these eight
  // (a fifth of a sweep raising 10,000); parsing the same values as one JSON text takes a tenth of that.
  // By due time, then id: SQLite reads the index in due-time order and sorts only items due at the same
  // instant (an import's clues may all be), stopping at the limit.
  const [answer] = await tx.all<{ items: string }>(sql`
    select json_group_array(json_array(id, state, unit_id, category_id, assignee_id, entered_at, due_at, rung)) as items from (
      select ${t.id} as id, ${t.state} as state, ${t.unitId} as unit_id, ${t.categoryId} as category_id, ${t.assigneeId} as assignee_id,
             ${t.enteredAt} as entered_at, ${t.dueAt} as due_at, ifnull(${r.level}, 0) as rung
      from ${t} left join ${r} on ${r.itemId} = ${t.id}
      where ${t.campaignId} = ${campaignId} and ${t.dueAt} is not null and ${t.dueAt} <= ${horizon}
        ${after === undefined ? sql`` : sql`and (${t.dueAt}, ${t.id}) > (${after.dueAt}, ${after.id})`}
        and (${r.level} is null or (${r.level} = 1 and ${t.dueAt} <= ${now.toISOString()}) or (${r.level} = 2 and ${t.dueAt} <= ${longOverdue}))
      order by ${t.dueAt}, ${t.id}
      limit ${page.limit})`);
  const tuples = JSON.parse(answer?.items ?? '[]') as [number, string, string, number | null, number | null, string, string, number][];
  const items = tuples.map(([id, state, unitId, categoryId, assigneeId, enteredAt, dueAt, rung]) => ({ id, state, unitId, categoryId, assigneeId, enteredAt, dueAt, rung }));
  // In the order read; sorted again because SQL does not promise that an aggregate keeps it.
  return items.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id));
}

type RaisedRung = Omit<EscalationRow, 'id' | 'acknowledgedBy' | 'acknowledgedAt' | 'note' | 'resolvedAt' | 'detail'>;

/**
 * Inserts the escalations of one kind raised at one instant, each unless it
 * was raised before (another process sweeping), and gives back those this
 * call inserted, by id. The values that differ from row to row go in as one
 * JSON parameter; the ids come back as one JSON text, read by the ids above
 * the largest before: an id is never given out twice, and no other writer
 * runs inside this transaction. (A RETURNING clause builds one result row
 * per escalation in libSQL's client, and binding every column of every row
 * made this statement half of a sweep raising 10,000.)
 */
async function insertEscalations(tx: Tx, values: readonly RaisedRung[]): Promise<EscalationRow[]> {
  const [sample] = values;
  if (sample === undefined) return [];
  const e = escalations;
  const [before] = await tx.all<{ top: number | null }>(sql`select max(${e.id}) as top from ${e}`);
  const rows = JSON.stringify(values.map((v) => [v.subjectId, v.enteredAt, v.state, v.level, v.recipient, v.recipientUserId, v.unitId, v.dueAt]));
  const names = sql.join(
    [e.campaignId, e.subject, e.subjectId, e.enteredAt, e.state, e.level, e.recipient, e.recipientUserId, e.unitId, e.dueAt, e.raisedAt, e.status].map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  await tx.run(sql`
    insert into ${e} (${names})
    select ${sample.campaignId}, ${sample.subject}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, ${sample.raisedAt}, ${sample.status}
    from json_each(${rows}) where true order by key
    on conflict do nothing`);
  const [answer] = await tx.all<{ raised: string }>(sql`select json_group_array(json_array(${e.id}, ${e.subjectId}, ${e.level})) as raised from ${e} where ${e.id} > ${before?.top ?? 0}`);
  const raised = JSON.parse(answer?.raised ?? '[]') as [number, number, number][];
  // An item and rung by one number: rungs are 1 to 3.
  const byRung = new Map(values.map((v) => [v.subjectId * 4 + v.level, v]));
  return raised
    .sort((a, b) => a[0] - b[0])
    .flatMap(([id, subjectId, level]) => {
      const value = byRung.get(subjectId * 4 + level);
      if (value === undefined) return [];
      // Written out: V8 took 10 µs a row to spread a row and add the fields it lacks (100 ms at 10,000).
      const row: EscalationRow = {
        id,
        campaignId: value.campaignId,
        subject: value.subject,
        subjectId: value.subjectId,
        enteredAt: value.enteredAt,
        state: value.state,
        level: value.level,
        recipient: value.recipient,
        recipientUserId: value.recipientUserId,
        unitId: value.unitId,
        dueAt: value.dueAt,
        raisedAt: value.raisedAt,
        status: value.status,
        acknowledgedBy: null,
        acknowledgedAt: null,
        note: null,
        resolvedAt: null,
        detail: null,
      };
      return [row];
    });
}

/**
 * Raises the rung each of the given items (read in this transaction) has
 * reached by now, and keeps the rung in the kind's rungs table.
 */
async function raiseForItems(tx: Tx, kind: ItemKindName, campaign: CampaignRow, due: readonly DueItem[], now: Date): Promise<EscalationRow[]> {
  const thresholds = campaign.config.escalation;
  const campaignId = campaign.id;
  const raisedAt = now.toISOString();
  const raising = due.flatMap((item) => {
    const rung = escalationDue(item, now, thresholds);
    if (rung === null || rung.level <= item.rung) return [];
    const value = {
      campaignId,
      subject: kind,
      subjectId: item.id,
      enteredAt: item.enteredAt,
      state: item.state,
      level: rung.level,
      recipient: rung.recipient,
      recipientUserId: rung.recipientUserId,
      unitId: item.unitId,
      dueAt: item.dueAt,
      raisedAt,
      status: 'open' as const,
    };
    return [{ item, value }];
  });
  if (raising.length === 0) return [];
  const inserted = await insertEscalations(tx, raising.map(({ value }) => value));
  // The rung is kept whether this sweep inserted it or another process did first. An item raised to its first
  // rung in this state (none read above, in this transaction) now counts as escalated where it stands; the
  // board counts' triggers take it off again in the statement that moves it on.
  const firsts = new Map<string, { state: string; unitId: string; categoryId: number | null; n: number }>();
  for (const { item } of raising) {
    if (item.rung > 0) continue;
    const key = `${item.state}\n${item.unitId}\n${item.categoryId}`;
    const group = firsts.get(key) ?? { state: item.state, unitId: item.unitId, categoryId: item.categoryId, n: 0 };
    group.n += 1;
    firsts.set(key, group);
  }
  if (firsts.size > 0) {
    const groups = JSON.stringify([...firsts.values()].map((g) => [g.state, g.unitId, g.categoryId, g.n]));
    await tx.run(sql`
      insert into ${boardCounts} (campaign_id, kind, state, unit_id, category_id, n, escalated)
      select ${campaignId}, ${kind}, value ->> 0, value ->> 1, value ->> 2, 0, value ->> 3 from json_each(${groups}) where true
      on conflict (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) do update set escalated = escalated + excluded.escalated`);
  }
  const r = rungsOf(kind);
  const rungs = JSON.stringify(raising.map(({ item, value }) => [item.id, value.level]));
  await tx.run(sql`
    insert into ${r} (item_id, level) select value ->> 0, value ->> 1 from json_each(${rungs}) where true
    on conflict (item_id) do update set level = max(level, excluded.level)`);
  return inserted;
}

/** Resolves the escalations of items that left the state they were raised for (or were closed). */
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
        sql`not exists (select 1 from ${t} where ${t.id} = ${escalations.subjectId} and ${t.enteredAt} = ${escalations.enteredAt} and ${t.dueAt} is not null)`,
      ),
    )
    .returning();
  if (moved.length > 0) {
    await appendAuditAll(
      tx,
      moved.map((row) => ({
        at: now.toISOString(),
        actorId: null,
        campaignId: row.campaignId,
        subject: 'escalation' as const,
        subjectId: row.id,
        event: 'escalation.resolve',
        fromState: row.acknowledgedAt === null ? 'open' : 'acknowledged',
        toState: 'resolved',
        payload: { item: { subject: row.subject, id: row.subjectId }, level: row.level },
        version: row.acknowledgedAt === null ? 2 : 3,
      })),
    );
  }
  return moved.length;
}
