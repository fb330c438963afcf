import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import type { ItemDetail } from '../contracts/items';
import { ApiError } from '../errors';
import { cardOf, readScope } from './board';
import { loadCampaignRules, type CampaignRules } from './campaign-rules';
import { tableOf } from './item-tables';

/**
 * One item as its detail view and the board's card show it. Leads and
 * officers see only items of their units: any other id is "not found" to
 * them, so that ids do not reveal what other units hold. `afterChange` skips
 * that check for the answer to a change the actor just made: a lead who
 * transfers a clue away is shown the result once, not told it is not found.
 */
export async function readItem(db: Db | Tx, kind: ItemKindName, id: number, actor: Actor, now: Date, afterChange = false, known?: CampaignRules): Promise<ItemDetail> {
  const t = tableOf(kind);
  const [row] = await db
    .select({
      id: t.id,
      campaignId: t.campaignId,
      version: t.version,
      state: t.state,
      title: t.title,
      unitId: t.unitId,
      categoryId: t.categoryId,
      assigneeId: t.assigneeId,
      assigneeName: users.displayName,
      enteredAt: t.enteredAt,
      dueAt: t.dueAt,
      context: t.context,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.assigneeId))
    .where(eq(t.id, id))
    .limit(1);
  const scope = readScope(actor);
  if (row === undefined || (!afterChange && scope !== null && !scope.includes(row.unitId))) throw new ApiError('not_found');
  const campaign = known?.id === row.campaignId ? known : await loadCampaignRules(db, row.campaignId);
  const { context, campaignId, ...cardRow } = row;
  return { ...cardOf(kind, cardRow, actor, now, campaign, campaign.state === 'concluded'), campaignId, context: { ...context } };
}
