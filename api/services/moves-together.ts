import { appendAuditAll } from '../../db/audit/append';
import type { Database, Tx } from '../../db/client';
import { clueStore, problemStore, type ForChange } from '../../db/items/store';
import type { WorkerGroup } from '../../db/job-group';
import { inSavepoint, type Settled } from '../../db/transaction';
import { decideClue, decideProblem, extensionRequestOf, refusalCodes, type Actor, type ClueContext, type ClueRecord, type ClueRequest, type ClueState, type ProblemContext, type ProblemRequest, type ProblemState } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import type { ItemDetail } from '../contracts/items';
import { ApiError, errorFromData, errorToData, refusalError } from '../errors';
import { sees } from './board';
import { keepAnswers, onceIn, type Once } from './idempotency';
import { itemRulesOf, loadCampaignRules, type CampaignRules } from './campaign-rules';
import { storedItem, type StoredItem } from './item-card';
import { applyRequestsIn, auditEntryOf, type ItemRequest, type Move, type Stored } from './move-item';
import { namesReferences } from './references';

/** One request to move one item, as the write queue holds it until its turn. */
export interface MoveInput {
  readonly kind: ItemKindName;
  readonly id: number;
  readonly actor: Actor;
  readonly version: number;
  readonly move: Move;
  readonly now: Date;
  /** The request's Idempotency-Key: its answer is kept with the move, and a retry is answered with it (see idempotency.ts). */
  readonly once: Once | null;
}

/**
 * Applies one request to one item, all or nothing: read the item, check the
 * version the user saw, let the engine decide, store the new state only if
 * the version is still the one read, and append the audit entry — in one
 * transaction, answered after it commits. Moves queued together are read,
 * stored and logged together (see {@link movesTogether}).
 */
export function moveItem(database: Database, kind: ItemKindName, id: number, actor: Actor, request: ItemRequest, now: Date, once: Once | null = null): Promise<ItemDetail> {
  const move = 'to' in request ? { to: request.to, payload: request.payload } : { event: request.event, payload: request.payload };
  return database.together(movesTogether, { kind, id, actor, version: request.version, move, now, once }).catch((error: unknown) => {
    throw inPayload(error);
  });
}

/**
 * A move's refusal by the engine (or the checks of what it names) with its
 * fields named as the request names them (`payload.caseNumber`,
 * `payload.outcome.arrested`, `payload.targetId`): each is one of the
 * payload's, named within it, and the payload is a field of the request.
 * The API's own refusals (a reused Idempotency-Key's header) are left as named.
 */
function inPayload(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields === undefined || !(error.code in refusalCodes)) return error;
  return new ApiError(error.code, { reason: error.reason, fields: error.fields.map((f) => ({ ...f, field: `payload.${f.field}` })), extra: { ...error.extra } });
}

type ItemForChange = ForChange<ClueState, ClueContext> | ForChange<ProblemState, ProblemContext>;

/** A move the engine accepted, waiting to be stored with the others. */
interface Decided {
  readonly index: number;
  readonly input: MoveInput;
  readonly item: ItemForChange;
  readonly decided: Stored;
  readonly campaign: CampaignRules;
}

type Plan = { readonly refused: Error } | { readonly decided: Stored; readonly campaign: CampaignRules } | 'alone';

/**
 * Moves queued behind the writer, done together: one read of every item
 * they name, the engine's decision for each, then one UPDATE per kind and
 * one audit INSERT for all of them. Each move keeps its own version check
 * (in the UPDATE's WHERE), its own audit entry and its own answer; a move
 * the engine refuses is answered with its refusal and stores nothing.
 *
 * Moves with more to do than a state change go alone, in order, through
 * {@link applyRequestsIn} in a savepoint: a change that keeps the state
 * (an event rather than a target state), a move of an item with a request
 * for more time waiting (its end may be told by webhook), a payload that names a unit,
 * assignee or category (checked against the database), a merge, an edit
 * (the clue's identifiers), an item with open escalations to settle, a
 * version that differs from the one read (answered with the current item),
 * an item not found, and a second move of an item already moved in the
 * group. If the shared statements fail, every move in them is done again
 * alone, so that each gets its own answer.
 */
export const movesTogether: WorkerGroup<MoveInput, ItemDetail> = { name: 'moves', run: runMoves, errorToData, errorFromData };

async function runMoves(tx: Tx, inputs: readonly MoveInput[]): Promise<Settled<ItemDetail>[]> {
  const settled: Settled<ItemDetail>[] = [];
  const campaigns = new Map<number, CampaignRules>();
  const items = await loadItems(tx, inputs);
  // Items decided or stored since they were read: a later move of one goes alone, reading it afresh.
  const changedSinceRead = new Set<string>();
  let waiting: Decided[] = [];

  const alone = (input: MoveInput) =>
    inSavepoint(tx, () => onceIn(tx, input.once, 200, input.now, () => applyRequestsIn(tx, input.kind, input.id, input.actor, input.version, [input.move], input.now)));

  const rulesOf = async (campaignId: number): Promise<CampaignRules> => {
    let campaign = campaigns.get(campaignId);
    if (campaign === undefined) campaigns.set(campaignId, (campaign = await loadCampaignRules(tx, campaignId)));
    return campaign;
  };

  const store = async (decided: readonly Decided[]): Promise<void> => {
    if (decided.length === 0) return;
    const answers = await inSavepoint(tx, () => storeTogether(tx, decided));
    if (answers.ok) decided.forEach((d, i) => (settled[d.index] = { ok: true, value: answers.value[i] as ItemDetail }));
    else for (const d of decided) settled[d.index] = await alone(d.input);
  };

  for (const [index, input] of inputs.entries()) {
    const key = keyOf(input);
    const item = changedSinceRead.has(key) ? undefined : items.get(key);
    // A plan that cannot be made (the campaign gone) is left to the move alone, which answers why.
    const plan = item === undefined ? 'alone' : await planMove(input, item, rulesOf).catch((): Plan => 'alone');
    if (plan === 'alone') {
      await store(waiting);
      waiting = [];
      settled[index] = await alone(input);
      // What it stored, its item and a merge's target, is read again for the moves after it that name them.
      const target = mergeTargetOf(input.move.payload);
      const touched = new Set([key, ...(target === null ? [] : [keyOf({ kind: 'clue', id: target })])]);
      const fresh = await loadItems(tx, inputs.slice(index + 1).filter((later) => touched.has(keyOf(later))));
      for (const stale of touched) {
        const row = fresh.get(stale);
        if (row === undefined) items.delete(stale);
        else items.set(stale, row);
        changedSinceRead.delete(stale);
      }
    } else if ('refused' in plan) {
      settled[index] = { ok: false, error: plan.refused };
    } else if (item !== undefined) {
      waiting.push({ index, input, item, decided: plan.decided, campaign: plan.campaign });
      changedSinceRead.add(key);
    }
  }
  await store(waiting);
  return settled;
}

const keyOf = (input: { kind: ItemKindName; id: number }) => `${input.kind}:${input.id}`;

/** The items the moves name, read in one query per kind, by {@link keyOf}. */
async function loadItems(tx: Tx, inputs: readonly MoveInput[]): Promise<Map<string, ItemForChange>> {
  const found = new Map<string, ItemForChange>();
  for (const kind of ['clue', 'problem'] as const) {
    const ids = inputs.filter((input) => input.kind === kind).map((input) => input.id);
    if (ids.length === 0) continue;
    const rows = await (kind === 'clue' ? clueStore : problemStore).loadManyForChange(tx, ids);
    for (const [id, row] of rows) found.set(keyOf({ kind, id }), row);
  }
  return found;
}

/** The engine's decision on a move that needs nothing but its item and campaign, or 'alone' for one that does. */
async function planMove(input: MoveInput, item: ItemForChange, rulesOf: (campaignId: number) => Promise<CampaignRules>): Promise<Plan> {
  const { payload } = input.move;
  // An item of a unit the mover cannot see is none to them, before its version or anything else is looked at.
  if (!sees(input.actor, item.context.unitId)) return { refused: new ApiError('not_found') };
  // A change that keeps the state (a batch's extension, say) may need facts read from the log (how often a lead extended);
  // a move that ends a request for more time may tell its asker by webhook: alone.
  if ('event' in input.move || item.version !== input.version || namesReferences(payload) || mergeTargetOf(payload) !== null || extensionRequestOf(item.context) !== null) return 'alone';
  const campaign = await rulesOf(item.context.campaignId);
  const rules = itemRulesOf(campaign);
  const decision =
    input.kind === 'clue'
      ? decideClue(item as ClueRecord, input.actor, input.move as ClueRequest, rules, input.now)
      : decideProblem(item as Parameters<typeof decideProblem>[0], input.actor, input.move as ProblemRequest, rules, input.now);
  if (!decision.ok) return { refused: refusalError(decision.refusal) };
  const { type } = decision.event;
  if (type === 'clue.merge' || type.endsWith('.edit') || ((decision.from !== decision.to || decision.dueAt !== item.context.dueAt) && item.openEscalations)) return 'alone';
  return { decided: decision, campaign };
}

/** The clue a request's payload names to merge into, or null (one not a number gives the merge no target, alone or together). */
function mergeTargetOf(payload: unknown): number | null {
  const targetId = typeof payload === 'object' && payload !== null && 'targetId' in payload ? payload.targetId : null;
  return typeof targetId === 'number' ? targetId : null;
}

/** Stores the decided moves with one UPDATE per kind and one audit INSERT, and answers each with its item as stored. */
async function storeTogether(tx: Tx, decided: readonly Decided[]): Promise<ItemDetail[]> {
  for (const kind of ['clue', 'problem'] as const) {
    const mine = decided.filter((d) => d.input.kind === kind);
    if (mine.length === 0) continue;
    // The engine keeps each kind's states and contexts apart; the cast bridges the two stores' types.
    const updates = mine.map(({ input, item, decided: next }) => ({
      id: input.id,
      expectedVersion: item.version,
      before: item.context,
      next: { state: next.state, context: next.context, version: next.version },
      at: input.now.toISOString(),
    })) as never[];
    const stored = await (kind === 'clue' ? clueStore.updateMany(tx, updates) : problemStore.updateMany(tx, updates));
    // Not here: another process moved one of them since it was read. Each goes again alone, for its own answer.
    if (stored !== mine.length) throw new Error(`${mine.length - stored} of ${mine.length} ${kind}s moved since they were read`);
  }
  await appendAuditAll(
    tx,
    decided.map(({ input, item, decided: d }) => auditEntryOf(input.kind, input.id, d, input.actor, item.context.campaignId, input.now.toISOString())),
  );
  const answers: ItemDetail[] = [];
  for (const { input, item, decided: d, campaign } of decided) {
    const last: StoredItem = { state: d.state, version: d.version, context: d.context as StoredItem['context'] };
    answers.push(await storedItem(tx, input.kind, input.id, last, input.actor, input.now, campaign, { assigneeId: item.context.assigneeId, name: item.assigneeName }));
  }
  // A key already kept (a retry that raced its first request here, or one key sent with two moves) fails this
  // INSERT, and with it the shared statements: each move then goes again alone, and the retry gets the first answer.
  await keepAnswers(
    tx,
    decided.flatMap(({ input }, i) => (input.once === null ? [] : [{ once: input.once, status: 200, answer: answers[i], now: input.now }])),
  );
  return answers;
}
