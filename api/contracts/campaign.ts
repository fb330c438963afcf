import { z } from 'zod';
import { campaignStates } from '../../engine/campaign/campaign.model';
import { phases } from '../../engine/campaign/campaign-config';
import { unitKinds } from '../../engine/units';
import { label } from './common';
import { requiredText } from '../../engine/visible-text';

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
    /** Retired: it keeps what it holds and is still filtered and reported by, but takes no new work (no new item, none moved to it). */
    retired: z.boolean(),
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
    version: z.number().int(),
    /** The exit criteria of the current phase that do not hold now, with what blocks each. */
    unmet: z.array(z.object({ criterion: z.record(z.string(), z.unknown()), description: label, blocking: z.object({ count: z.number().int(), sample: z.array(z.object({ kind: z.enum(['clue', 'problem']), id: z.number().int() })) }) })),
    phases: z.array(z.enum(phases)),
    units: z.array(unit),
    categories: z.array(category),
    /** What the campaign's files take against the limit its office set (removed files included: the history opens them); null with no limit. */
    storage: z.object({ usedBytes: z.number().int(), quotaMb: z.number().int() }).nullable(),
    /**
     * In the last phase, the clues and problems still open: concluding the campaign leaves them as they are for good
     * (nothing changes in a concluded campaign), which the advance says with these counts. Null in the other phases.
     */
    leftOpen: z.object({ clues: z.number().int(), problems: z.number().int() }).nullable(),
  })
  .meta({ id: 'CampaignDetail' });
export type CampaignDetail = z.infer<typeof campaignDetail>;

/** The office's request to move the campaign into its next phase; a reason is required when exit criteria are unmet. */
export const advanceRequest = z
  .strictObject({ version: z.number().int().positive(), reason: requiredText(4000).optional() })
  .meta({ id: 'AdvanceRequest' });
