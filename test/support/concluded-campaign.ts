import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { CampaignContext } from '../../engine/campaign/campaign.model';

/**
 * Concludes the demo's campaign (id 1) at `at`, as its advance writes it: the state, and the instant it entered it;
 * `entered` sets when other phases were entered too. For a test that needs a campaign concluded in the past,
 * which an advance through the API (at the test's clock) cannot write.
 */
export async function concludeCampaign(database: Pick<Database, 'db'>, at: string, entered: CampaignContext['phaseEnteredAt'] = {}): Promise<void> {
  const [campaign] = await database.db.select().from(campaigns).where(eq(campaigns.id, 1));
  if (campaign === undefined) throw new Error('no campaign in the test data');
  const phaseEnteredAt = { ...campaign.context.phaseEnteredAt, ...entered, concluded: at };
  await database.db.update(campaigns).set({ state: 'concluded', context: { ...campaign.context, phaseEnteredAt } }).where(eq(campaigns.id, 1));
}
