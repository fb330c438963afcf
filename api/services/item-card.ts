import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users } from '../../db/schema';
import { leadExtensionRefusal, ownRequestRefusal, typicalCaseOf, type Actor, type ClueContext, type ProblemContext, type WithExtensionRequest } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import type { ItemDetail } from '../contracts/items';
import { ApiError } from '../errors';
import { allowedChangesOf, cardOf, sees, type CardRow } from './board';
import { loadCampaignRules, type CampaignRules } from './campaign-rules';
import { tableOf } from './item-tables';
import { extensionsInState, leadExtensionsLimited } from './lead-extensions';

/** Whether an item stands chosen as a typical case: only a clue's context can say so. */
const isTypical = (context: ClueContext | ProblemContext): boolean => 'typical' in context && typicalCaseOf(context) !== null;

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
  if (row === undefined || (!afterChange && !sees(actor, row.unitId))) throw new ApiError('not_found');
  const campaign = known?.id === row.campaignId ? known : await loadCampaignRules(db, row.campaignId);
  const { context, campaignId, ...columns } = row;
  const cardRow: CardRow = { ...columns, lastNoteAt: context.lastNoteAt ?? null, attachmentCount: context.attachments?.length ?? 0, extensionAskedUntil: context.extensionRequest?.until ?? null, typical: isTypical(context) };
  const concluded = campaign.state === 'concluded';
  return { ...cardOf(kind, cardRow, actor, now, campaign, concluded), campaignId, context: { ...context }, changes: await changesOf(db, kind, cardRow, actor, campaign, context) };
}

/**
 * The changes that keep the state this actor may make on the item now (see
 * allowedChangesOf). A unit lead who has given the item as many extensions
 * in this state as the campaign allows is not offered another: they ask for
 * one instead (a lead works the items of their units), and the office decides.
 */
async function changesOf(db: Db | Tx, kind: ItemKindName, row: Pick<CardRow, 'id' | 'state' | 'unitId' | 'assigneeId'>, actor: Actor, campaign: CampaignRules, context: WithExtensionRequest): Promise<string[]> {
  // Who asked for more time is not offered to decline it (see ownRequestRefusal).
  const decline = `${kind}.declineExtension`;
  const changes = allowedChangesOf(kind, row, actor, campaign.state === 'concluded').filter((c) => c !== decline || ownRequestRefusal(actor, context) === null);
  const extend = `${kind}.extend`;
  if (!changes.includes(extend) || !leadExtensionsLimited(actor, campaign.config)) return changes;
  const given = await extensionsInState(db, kind, row.id);
  return leadExtensionRefusal(actor, campaign.config, { extensionsInState: given }) === null ? changes : changes.filter((c) => c !== extend);
}

/** An item as a change just stored it. */
export interface StoredItem {
  readonly state: string;
  readonly version: number;
  readonly context: ClueContext | ProblemContext;
}

/**
 * The answer to a change, built from what the change stored instead of read
 * back: the store writes the card's columns from the context itself, so only
 * the assignee's name is looked up. Equal to {@link readItem} with
 * `afterChange` by construction (and by test).
 */
export async function storedItem(
  db: Db | Tx,
  kind: ItemKindName,
  id: number,
  stored: StoredItem,
  actor: Actor,
  now: Date,
  campaign: CampaignRules,
  known?: { readonly assigneeId: number | null; readonly name: string | null },
): Promise<ItemDetail> {
  const { context } = stored;
  const assigneeName =
    context.assigneeId === null
      ? null
      : known !== undefined && known.assigneeId === context.assigneeId
        ? known.name
        : ((await db.select({ name: users.displayName }).from(users).where(eq(users.id, context.assigneeId)).limit(1))[0]?.name ?? null);
  const row: CardRow = {
    id,
    version: stored.version,
    state: stored.state,
    title: context.title,
    unitId: context.unitId,
    categoryId: context.categoryId,
    assigneeId: context.assigneeId,
    assigneeName,
    enteredAt: context.enteredAt,
    lastNoteAt: context.lastNoteAt ?? null,
    attachmentCount: context.attachments?.length ?? 0,
    extensionAskedUntil: context.extensionRequest?.until ?? null,
    typical: isTypical(context),
    dueAt: context.dueAt,
  };
  const concluded = campaign.state === 'concluded';
  return { ...cardOf(kind, row, actor, now, campaign, concluded), campaignId: context.campaignId, context: { ...context }, changes: await changesOf(db, kind, row, actor, campaign, context) };
}
