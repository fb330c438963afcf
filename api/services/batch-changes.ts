import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import type { BatchRefused, BatchRequest, BatchResult } from '../contracts/batch';
import { ApiError, expectedError } from '../errors';
import { readScope } from './board';
import { loadCampaignRules } from './campaign-rules';
import { tableOf } from './item-tables';
import { moveItem } from './moves-together';

/**
 * One change made to many items (批量处理): each item is asked of the engine
 * as its own request would be, with its own version check, its own audit
 * entry and its own answer, so one refused or changed meanwhile leaves the
 * others to go ahead. They are queued together, so the write queue commits
 * them in a few transactions, not one each.
 *
 * An item that is not in this campaign, or not in the viewer's units, is
 * "not found", as its own route would say.
 */
export async function applyBatch(database: Database, campaignId: number, actor: Actor, request: BatchRequest, now: Date): Promise<BatchResult> {
  await loadCampaignRules(database.db, campaignId);
  const present = await itemsInCampaign(database, campaignId, actor, request.items);
  const settled = await Promise.allSettled(
    request.items.map((item) => {
      if (!present.has(`${item.kind}:${item.id}`)) return Promise.reject(new ApiError('not_found'));
      const payload = { ...request.payload, ...item.payload };
      const shared = Object.keys(payload).length > 0 ? { payload } : {};
      const change = request.to !== undefined ? { to: request.to } : { event: `${item.kind}.${request.event ?? ''}` };
      return moveItem(database, item.kind, item.id, actor, { ...change, version: item.version, ...shared }, now);
    }),
  );
  const changed: BatchResult['changed'] = [];
  const refused: BatchRefused[] = [];
  settled.forEach((outcome, i) => {
    const { kind, id } = request.items[i] as BatchRequest['items'][number];
    if (outcome.status === 'fulfilled') changed.push({ kind, id, version: outcome.value.version, state: outcome.value.state });
    else refused.push(refusalOf(kind, id, outcome.reason));
  });
  return { changed, refused };
}

/** The items named that are in the campaign and the viewer's units, by `kind:id`. */
async function itemsInCampaign(database: Database, campaignId: number, actor: Actor, items: BatchRequest['items']): Promise<Set<string>> {
  const scope = readScope(actor);
  const present = new Set<string>();
  for (const kind of ['clue', 'problem'] as const satisfies readonly ItemKindName[]) {
    const ids = items.filter((item) => item.kind === kind).map((item) => item.id);
    if (ids.length === 0) continue;
    const t = tableOf(kind);
    const rows = await database.db.select({ id: t.id, campaignId: t.campaignId, unitId: t.unitId }).from(t).where(inArray(t.id, ids));
    for (const row of rows) if (row.campaignId === campaignId && (scope === null || scope.includes(row.unitId))) present.add(`${kind}:${row.id}`);
  }
  return present;
}

const staleInBatch = { zh: '该事项已被他人修改，本次未作变更，请按其最新状态再处理', en: 'Someone else changed this item first; it was left as it is: change it again as it stands now' };

/** Why one item was left as it was: an expected refusal as its problem would say it; anything else logged, and said as the server's fault. */
function refusalOf(kind: ItemKindName, id: number, caught: unknown): BatchRefused {
  const error = expectedError(caught);
  if (error !== null) {
    // A single move's conflict carries the item as it is now ("here is its current state"); a batch's row does not.
    const reason = error.code === 'version_conflict' ? staleInBatch : error.reason;
    return { kind, id, status: error.status, code: error.code, reason, ...(error.fields !== undefined && { fields: [...error.fields] }) };
  }
  console.error(JSON.stringify({ batch: `${kind} ${id}`, error: caught instanceof Error ? caught.stack : String(caught) }));
  const internal = new ApiError('internal');
  return { kind, id, status: internal.status, code: internal.code, reason: internal.reason };
}
