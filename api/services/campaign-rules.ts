import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { preparedOn } from '../../db/prepared';
import { campaigns } from '../../db/schema';
import type { CampaignConfig, ItemRulesContext } from '../../engine';
import { ApiError } from '../errors';

/** A campaign as the rules read it: everything but its map, which only the battle map reads (it is most of the row). */
export type CampaignRow = Omit<typeof campaigns.$inferSelect, 'mapGeojson'>;

const { mapGeojson: _map, ...withoutMap } = getTableColumns(campaigns);
/** Every column of a campaign but its map (most of the row), for a select. */
export const campaignColumns = withoutMap;

export async function loadCampaign(db: Db | Tx, id: number): Promise<CampaignRow> {
  const [row] = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

/** What moves and cards read of a campaign: its state, phases and configuration. */
export type CampaignRules = Pick<CampaignRow, 'id' | 'state' | 'context' | 'version' | 'config'>;

// All stored before the map in the row. SQLite reads a row's columns in order, so a read of a column
// after a large map walks every overflow page of the map first (a quarter of a millisecond per
// megabyte), on every move and every board.
const { id, state, context, version, config } = campaignColumns;

const rulesQuery = preparedOn((db: Db | Tx) => db.select({ id, state, context, version, config }).from(campaigns).where(eq(campaigns.id, sql.placeholder('id'))).limit(1).prepare());

/** {@link loadCampaign} narrowed to {@link CampaignRules}, for the paths that run on every move and board read. */
export async function loadCampaignRules(db: Db | Tx, campaignId: number): Promise<CampaignRules> {
  const [row] = await rulesQuery(db).all({ id: campaignId });
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

/** What the engine's item rules read from a campaign. */
export function itemRulesOf(campaign: { state: CampaignRow['state']; config: CampaignConfig }): ItemRulesContext {
  const { config } = campaign;
  return {
    timeZone: config.timeZone,
    timeLimits: { ...config.timeLimits.clue, ...config.timeLimits.problem },
    escalation: config.escalation,
    campaignConcluded: campaign.state === 'concluded',
  };
}
