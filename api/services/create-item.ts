import type { Database } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { clueStore, problemStore } from '../../db/items/store';
import { createClue, createProblem, refusalLabels, type Actor, type ClueFields, type ProblemFields } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import type { ItemDetail } from '../contracts/items';
import { ApiError, refusalError } from '../errors';
import { itemRulesOf, loadCampaign } from './campaign-rules';
import { readItem } from './item-card';
import { onceIn, type Once } from './idempotency';
import { checkReferences } from './references';

export interface NewItem {
  readonly campaignId: number;
  readonly unitId: string;
  readonly assigneeId: number | null;
  /** When a clue was found, if before now (a tip taken yesterday, entered today); a problem has none of its own. */
  readonly foundAt?: string | undefined;
}

/**
 * Records a new clue or problem: the engine decides whether this actor may
 * create it there and what it starts as; the row and its create event are
 * written in one transaction (with the answer kept under the request's
 * Idempotency-Key, if it has one: a retry then creates nothing).
 */
export async function createItem(
  database: Database,
  kind: ItemKindName,
  input: NewItem & (ClueFields | ProblemFields),
  actor: Actor,
  now: Date,
  once: Once | null = null,
): Promise<ItemDetail> {
  return database.write((tx) =>
    onceIn(tx, once, 201, now, async () => {
      // Named in the body, not the address: a campaign there is none of is a field to mend, as an unknown unit is.
      const campaign = await loadCampaign(tx, input.campaignId).catch((error: unknown) => {
        throw error instanceof ApiError && error.code === 'not_found'
          ? new ApiError('payload_invalid', { fields: [{ field: 'campaignId', message: { zh: '没有这个专项行动', en: `There is no campaign ${input.campaignId}` } }], reason: refusalLabels.payload_invalid })
          : error;
      });
      await checkReferences(tx, { campaignId: input.campaignId, unitId: null }, input);
      const rules = itemRulesOf(campaign);
      const { campaignId, unitId, assigneeId, foundAt, ...fields } = input;
      const placement = { campaignId, unitId, assigneeId, ...(foundAt === undefined ? {} : { foundAt: new Date(foundAt) }) };
      const store = kind === 'clue' ? clueStore : problemStore;
      const id = await store.nextId(tx);
      const created =
        kind === 'clue'
          ? createClue(id, { ...placement, fields: fields as ClueFields }, actor, rules, now)
          : createProblem(id, { ...placement, fields: fields as ProblemFields }, actor, rules, now);
      if (!created.ok) throw refusalError(created.refusal);
      const at = now.toISOString();
      await store.insert(tx, created.record as never, at);
      await appendAudit(tx, {
        at,
        actorId: actor.userId,
        campaignId,
        subject: kind,
        subjectId: id,
        event: created.event.type,
        fromState: null,
        toState: created.record.state,
        payload: created.event,
        version: created.record.version,
        unitId: created.record.context.unitId,
        categoryId: created.record.context.categoryId,
      });
      return readItem(tx, kind, id, actor, now);
    }),
  );
}
