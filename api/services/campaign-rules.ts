import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { preparedOn } from '../../db/prepared';
import { campaigns } from '../../db/schema';
import { itemRulesOf } from '../../engine';
import { ApiError } from '../errors';

/** A campaign as the rules read it (its map is in a table of its own, which only the battle map reads). */
export type CampaignRow = typeof campaigns.$inferSelect;

export async function loadCampaign(db: Db | Tx, id: number): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

/** What moves and cards read of a campaign: its state, phases and configuration. */
export type CampaignRules = Pick<CampaignRow, 'id' | 'state' | 'context' | 'version' | 'config' | 'endsOn'>;

// Only what moves and boards need: the configuration is a few kilobytes of JSON, the rest unused there.
const { id, state, context, version, config, endsOn } = campaigns;

const rulesQuery = preparedOn((db: Db | Tx) => db.select({ id, state, context, version, config, endsOn }).from(campaigns).where(eq(campaigns.id, sql.placeholder('id'))).limit(1).prepare());

/** {@link loadCampaign} narrowed to {@link CampaignRules}, for the paths that run on every move and board read. */
export async function loadCampaignRules(db: Db | Tx, campaignId: number): Promise<CampaignRules> {
  const [row] = await rulesQuery(db).all({ id: campaignId });
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

export { itemRulesOf };
