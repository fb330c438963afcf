import type { Database } from '../../db/client';
import { seedDemo, type DemoSeedOptions } from '../../db/seed/seed-demo';
import { freezeLeftPhases } from './report';

/**
 * The demo campaign as a first start sees it: seeded with a year so far, and
 * the reports of the phases it has already left frozen at the instants it
 * left them, as the office's advances would have done.
 */
export async function seedDemoCampaign(database: Database, options: DemoSeedOptions): Promise<{ campaignId: number }> {
  const seeded = await seedDemo(database, options);
  await freezeLeftPhases(database, seeded.campaignId, options.now);
  return seeded;
}
