import { z } from 'zod';
import { campaignStates } from '../../engine/campaign/campaign.model';
import { phases } from '../../engine/campaign/campaign-config';
import { unitKinds } from '../../engine/units';

const window = z.object({ start: z.string(), end: z.string() });

export const campaignSummary = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    state: z.enum(campaignStates),
    startsOn: z.string(),
    endsOn: z.string(),
  })
  .meta({ id: 'CampaignSummary' });
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const unit = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(unitKinds),
    nameZh: z.string(),
    nameEn: z.string(),
    mapFeatureId: z.string().nullable(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;

export const category = z
  .object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string(), sortOrder: z.number().int(), retired: z.boolean() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof category>;

export const campaignDetail = campaignSummary
  .extend({
    timeZone: z.string(),
    windows: z.object({ survey: window, crackdown: window, consolidation: window }),
    phaseEnteredAt: z.record(z.string(), z.string()),
    overdue: z.boolean(),
    phases: z.array(z.enum(phases)),
    units: z.array(unit),
    categories: z.array(category),
  })
  .meta({ id: 'CampaignDetail' });
export type CampaignDetail = z.infer<typeof campaignDetail>;
