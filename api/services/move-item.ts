import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { appendAudit, type AuditInput } from '../../db/audit/append';
import { clueStore, problemStore } from '../../db/items/store';
import { clues } from '../../db/schema';
import {
  decideClue,
  decideProblem,
  type Actor,
  type ClueRecord,
  type ClueRequest,
  type ItemFacts,
  type ItemRulesContext,
  type MergeTarget,
  type ProblemRequest,
  type Refusal,
  type WithExtensionRequest,
} from '../../engine';
import { editChangesNothing } from '../../engine/item/unchanged-edit';
import type { ItemKindName } from '../contracts/board';
import type { ItemDetail } from '../contracts/items';
import { ApiError, refusalError } from '../errors';
import { sees } from './board';
import { itemRulesOf, loadCampaignRules, type CampaignRules } from './campaign-rules';
import { changedSince } from './changed-since';
import { checkReferences } from './references';
import { resolveMovedOn } from './deadline-sweep';
import { rerouteEscalations } from './escalation-reroute';
import { onceIn, type Once } from './idempotency';
import { readItem, storedItem, type StoredItem } from './item-card';
import { extensionFacts } from './lead-extensions';
import { queueRequestWebhook } from './request-webhooks';

export type ItemRequest = ({ readonly to: string } | { readonly event: string }) & { readonly version: number; readonly payload?: unknown };

export interface Stored {
  readonly from: string;
  readonly to: string;
  readonly state: string;
  readonly context: unknown;
  readonly version: number;
  readonly event: { readonly type: string };
  /** The due time the item has after it: a new state's, an extended one, or the one it had. */
  readonly dueAt: string | null;
}

/**
 * One request of several to one item; `field` names the field of the user's request it comes from (an edit's
 * `assigneeId`), so that a refusal that names no field of its own is said of that one.
 */
export type Move = ({ readonly to: string; readonly payload?: unknown } | { readonly event: string; readonly payload?: unknown }) & { readonly field?: string };

/**
 * Applies several requests to one item in order, in one transaction (an
 * edit that also changes the assignee): each is an engine decision with its
 * own audit entry; if one is refused, none is stored. `version` is the one
 * the user saw, or 'current' for a request no version can make stale (a note).
 * With `once`, a retry of the same request is answered as the first was (see onceIn).
 */
export async function applyRequests(database: Database, kind: ItemKindName, id: number, actor: Actor, version: number | 'current', moves: readonly Move[], now: Date, once: Once | null = null): Promise<ItemDetail> {
  return database.write((tx) => onceIn(tx, once, 200, now, () => applyRequestsIn(tx, kind, id, actor, version, moves, now)));
}

/**
 * Adds a work note to an item as it is now (a note changes no field, so it
 * is not held to the version its writer saw, and a retry would add it
 * twice: hence the key, see {@link onceIn}).
 */
export function addNote(database: Database, kind: ItemKindName, id: number, actor: Actor, text: string, now: Date, once: Once | null = null): Promise<ItemDetail> {
  return applyRequests(database, kind, id, actor, 'current', [{ event: `${kind}.note`, payload: { text } }], now, once);
}

const editOfNothing = new ApiError('bad_request', {
  reason: { zh: '没有要修改的内容：所填的与现有的相同', en: 'Nothing to change: every field sent is as it is' },
  fields: [{ field: '(body)', message: { zh: '没有要修改的内容', en: 'Nothing to change' } }],
});

/** {@link applyRequests} inside a transaction the caller holds (an import that merges the clues it creates). */
export async function applyRequestsIn(tx: Tx, kind: ItemKindName, id: number, actor: Actor, version: number | 'current', moves: readonly Move[], now: Date): Promise<ItemDetail> {
  const store = kind === 'clue' ? clueStore : problemStore;
  let campaign: CampaignRules | undefined;
  let last: StoredItem | undefined;
  // The assignee as last read with the item: the answer shows their name without reading it again if a move kept them.
  let known: { assigneeId: number | null; name: string | null } | undefined;
  let editsOfNothing = 0;
  for (const [index, move] of moves.entries()) {
    const item = await store.loadForChange(tx, id);
    // Seen by the viewer before the first move only: a transfer earlier in the same request may take it out of their units.
    if (item === null || (index === 0 && !sees(actor, item.context.unitId))) throw new ApiError('not_found');
    known = { assigneeId: item.context.assigneeId, name: item.assigneeName };
    if (index === 0 && version !== 'current' && (await changedSince(tx, kind, id, version, item.version))) {
      throw new ApiError('version_conflict', { extra: { current: await readItem(tx, kind, id, actor, now) } });
    }
    campaign = await loadCampaignRules(tx, item.context.campaignId);
    const rules = itemRulesOf(campaign);
    await checkReferences(tx, item.context, move.payload);

    let decided: Stored;
    const extension = await extensionFacts(tx, kind, id, 'event' in move ? move.event : undefined, actor, rules);
    if (kind === 'clue') {
      const facts = { ...(await mergeFacts(tx, move.payload)), ...extension };
      const decision = decideClue(item as ClueRecord, actor, move as ClueRequest, rules, now, facts);
      if (!decision.ok) throw refusalError(saidOf(decision.refusal, move.field));
      decided = decision;
    } else {
      const decision = decideProblem(item as Parameters<typeof decideProblem>[0], actor, move as ProblemRequest, rules, now, extension);
      if (!decision.ok) throw refusalError(saidOf(decision.refusal, move.field));
      decided = decision;
    }
    // Decided first, so that who may edit and what a field may hold are checked as ever; then not stored if it changes nothing.
    if (decided.event.type.endsWith('.edit') && editChangesNothing(item.context, decided.context, move.payload)) {
      editsOfNothing += 1;
      continue;
    }
    await storeDecision(tx, kind, id, item, decided, actor, item.context.campaignId, now, item.openEscalations);
    last = { state: decided.state, version: decided.version, context: decided.context as StoredItem['context'] };
    if (decided.event.type === 'clue.merge') {
      await absorbInto(tx, (decided.context as ClueRecord['context']).mergedInto, id, actor, rules, item.context.campaignId, now);
    }
  }
  // Said as a request that names no field is (the assignee it has already, beside such an edit, is no change either).
  if (last === undefined && editsOfNothing > 0) throw editOfNothing;
  // The answer is what was stored; a request with no moves only reads.
  return last !== undefined && campaign !== undefined ? storedItem(tx, kind, id, last, actor, now, campaign, known) : readItem(tx, kind, id, actor, now, true, campaign);
}

/** A refusal naming no field, said of the request's field its move came from (if any). */
function saidOf(refusal: Refusal, field: string | undefined): Refusal {
  return field === undefined || refusal.fields !== undefined ? refusal : { ...refusal, fields: [{ field, message: refusal.reason }] };
}

/** Whose an item is: the unit and the person its escalations are raised to. */
interface Hands {
  readonly unitId: string;
  readonly assigneeId: number | null;
}

/** Stores a decision on the item as it was read (its version checked, its context the one the columns change from). */
async function storeDecision(tx: Tx, kind: ItemKindName, id: number, read: { readonly version: number; readonly context: WithExtensionRequest & Hands }, decided: Stored, actor: Actor, campaignId: number, now: Date, openEscalations: boolean): Promise<void> {
  const at = now.toISOString();
  const store = kind === 'clue' ? clueStore : problemStore;
  // The engine keeps each kind's states and contexts apart; the cast bridges the two stores' types.
  const change = { id, expectedVersion: read.version, before: read.context, next: { state: decided.state, context: decided.context, version: decided.version }, at } as never;
  // Inside the write queue no one else in this process can move the item; another process can.
  if (!(await store.update(tx, change, decided.event.type.endsWith('.edit')))) throw new ApiError('version_conflict');
  await appendAudit(tx, auditEntryOf(kind, id, decided, actor, campaignId, at));
  await queueRequestWebhook(tx, read.context, { kind, id, state: decided.state, context: decided.context as Parameters<typeof queueRequestWebhook>[2]['context'], event: decided.event }, actor.userId, at);
  // An item that moves on, or is given a later deadline, settles its escalations in the same commit (read with the item, in this transaction).
  if ((decided.from !== decided.to || decided.dueAt !== read.context.dueAt) && openEscalations) await resolveMovedOn(tx, kind, now, id);
  // One that changes hands (a transfer, a new assignee) passes those still standing on to whom they would be raised now.
  const after = decided.context as Hands;
  if (openEscalations && (after.unitId !== read.context.unitId || after.assigneeId !== read.context.assigneeId)) {
    await rerouteEscalations(tx, kind, id, { campaignId, unitId: after.unitId, assigneeId: after.assigneeId }, now);
  }
}

/** The audit entry of a stored decision: what the item went through, with its unit and category after it. */
export function auditEntryOf(kind: ItemKindName, id: number, decided: Stored, actor: Actor, campaignId: number, at: string): AuditInput {
  return {
    at,
    actorId: actor.userId,
    campaignId,
    subject: kind,
    subjectId: id,
    event: decided.event.type,
    fromState: decided.from,
    toState: decided.to,
    payload: decided.event,
    version: decided.version,
    unitId: (decided.context as { unitId: string }).unitId,
    categoryId: (decided.context as { categoryId: number | null }).categoryId,
  };
}

/** The merge target as the engine's merge guard needs it: its campaign, unit, state and the chain it was merged along. */
async function mergeFacts(tx: Tx, payload: unknown): Promise<ItemFacts> {
  const targetId = typeof payload === 'object' && payload !== null ? (payload as { targetId?: unknown }).targetId : undefined;
  if (typeof targetId !== 'number' || !Number.isSafeInteger(targetId)) return {};
  const target = await clueStore.load(tx, targetId);
  if (target === null) return {};
  const chain: number[] = [];
  let next = target.context.mergedInto;
  // Bounded: a chain longer than the table is a cycle, which the engine refuses anyway.
  while (next !== null && chain.length < 1000 && !chain.includes(next)) {
    chain.push(next);
    const [row] = await tx.select({ context: clues.context }).from(clues).where(eq(clues.id, next)).limit(1);
    next = row?.context.mergedInto ?? null;
  }
  const mergeTarget: MergeTarget = { id: target.id, campaignId: target.context.campaignId, unitId: target.context.unitId, state: target.state, chain };
  return { mergeTarget };
}

async function absorbInto(tx: Tx, targetId: number | null, sourceId: number, actor: Actor, rules: ItemRulesContext, campaignId: number, now: Date): Promise<void> {
  if (targetId === null) return;
  const target = await clueStore.load(tx, targetId);
  if (target === null) throw new ApiError('not_found');
  const decision = decideClue(target, actor, { event: 'clue.absorb', payload: { sourceId } }, rules, now);
  if (!decision.ok) throw refusalError(decision.refusal);
  // Absorbing keeps the target's state, so it settles none of its escalations.
  await storeDecision(tx, 'clue', targetId, target, decision, actor, campaignId, now, false);
}
