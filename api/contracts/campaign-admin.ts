import { z } from 'zod';
import { freeObject } from '../../engine/nesting';
import { campaignConfigSchema } from '../../engine/campaign/campaign-config';
import { campaignStates } from '../../engine/campaign/campaign.model';
import { exitCriterionSchema } from '../../engine/campaign/exit-criteria';
import { category, unit } from './campaign';
import { changesSomething, label, nothingToChange, pathId } from './common';
import { oneLineText, optionalOneLineText } from '../../engine/visible-text';
import { campaignEndsBeforeItStarts, isKnownTimeZone, unknownTimeZone } from '../../engine/deadlines/local-time';

// The campaign office's configuration screens: a campaign's settings, its
// categories and its map. The configuration's shape is the engine's own
// (engine/campaign/campaign-config.ts); what crosses the wire is checked
// against it, and the rules that span fields are checked by the server.

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const window = z.strictObject({ start: localDate, end: localDate });
const nameZh = oneLineText(200);
// May be left empty: the Chinese name stands in for it (api/services/english-name.ts).
const nameEn = optionalOneLineText(300).optional();
const configShape = campaignConfigSchema.shape;
/** Checked with the other fields (an unknown zone said together with an emptied name, not once the name is put right). */
const timeZone = z.string().min(1).max(64).refine(isKnownTimeZone, { message: unknownTimeZone }).optional();

/** The map as the settings screen needs it: its features (id and name) and the units whose feature it lacks. */
export const mapSummary = z
  .object({
    features: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    /** Units that name a map feature this map does not have: they are not drawn on the battle map. */
    unitsWithoutFeature: z.array(z.object({ unitId: z.string(), mapFeatureId: z.string() })),
  })
  .meta({ id: 'CampaignMapSummary' });
export type MapSummary = z.infer<typeof mapSummary>;

/** A campaign's whole configuration as the office edits it. */
export const campaignSettings = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    state: z.enum(campaignStates),
    startsOn: z.string(),
    endsOn: z.string(),
    /**
     * Changes whenever the campaign's configuration, categories, map or
     * phase change (it is the sequence number of the campaign's last audit
     * entry): a change sent with an older revision is refused with 409.
     */
    revision: z.number().int(),
    config: campaignConfigSchema,
    categories: z.array(category),
    map: mapSummary.nullable(),
    units: z.array(unit),
    /**
     * Where escalations and requests for more time are POSTed (the bureau's
     * messaging), or null; the signing secret is never read back, only whether
     * one is set. How its deliveries stand: waiting, of those failed at least
     * once (retried with backoff), and the latest failure: its technical
     * error (for whoever runs the receiver) and why, in the office's words.
     */
    webhook: z.object({ url: z.string().nullable(), secretSet: z.boolean(), pending: z.number().int(), failing: z.number().int(), lastError: z.string().nullable(), lastReason: label.nullable() }),
    /** What the files attached to the campaign's items take now, removed ones included, against `config.attachmentQuotaMb`. */
    attachments: z.object({ files: z.number().int(), bytes: z.number().int() }),
  })
  .meta({ id: 'CampaignSettings' });
export type CampaignSettings = z.infer<typeof campaignSettings>;

// Lower-cased as typed (T1 is t1), as a username is: the rule is said only once a code is refused.
const campaignCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dash and underscore only');

/**
 * A new campaign: blank (default time limits and thresholds, no criteria,
 * windows splitting its dates in three) or a copy of another campaign's
 * configuration, active categories and map, its windows moved to the new dates.
 */
export const newCampaignRequest = z
  .strictObject({
    code: campaignCode,
    nameZh,
    nameEn,
    startsOn: localDate,
    endsOn: localDate,
    timeZone,
    copyFrom: z.number().int().positive().optional(),
  })
  // Said with the form's other slips, not after they are put right: zod runs an object's own check only when every
  // field passed, unless told when; the dates alone decide this one.
  .refine((request) => request.endsOn >= request.startsOn, {
    path: ['endsOn'],
    message: campaignEndsBeforeItStarts,
    // Run over an object whose two dates passed (not over null, which a generator of the API's description tries).
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !payload.issues.some((issue) => (issue.path ?? []).length === 0 || issue.path?.[0] === 'startsOn' || issue.path?.[0] === 'endsOn'),
  })
  .meta({ id: 'NewCampaignRequest' });
export type NewCampaignRequest = z.infer<typeof newCampaignRequest>;

/** Any part of a campaign's configuration, on the revision the office saw; each part is replaced whole. */
export const settingsChange = z
  .strictObject({
    revision: z.number().int().nonnegative(),
    nameZh: nameZh.optional(),
    nameEn,
    startsOn: localDate.optional(),
    endsOn: localDate.optional(),
    timeZone,
    windows: z.strictObject({ survey: window, crackdown: window, consolidation: window }).optional(),
    exitCriteria: z
      .strictObject({ survey: z.array(exitCriterionSchema).max(20), crackdown: z.array(exitCriterionSchema).max(20), consolidation: z.array(exitCriterionSchema).max(20) })
      .optional(),
    timeLimits: configShape.timeLimits.optional(),
    escalation: configShape.escalation.optional(),
    wipLimits: configShape.wipLimits.optional(),
    /** How many extensions a unit lead may give an item in one state; null: no limit. */
    extensionsByLead: z.number().int().min(0).max(50).nullable().optional(),
    /** How many megabytes the campaign's files may take in all; null: no limit. */
    attachmentQuotaMb: configShape.attachmentQuotaMb,
    targets: configShape.targets.max(2000).optional(),
    /**
     * The webhook: an http(s) address on the bureau's network, or null to stop
     * sending; the secret its deliveries are signed with (HMAC-SHA256), needed
     * the first time, kept when left out.
     */
    webhook: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).max(2000).nullable(),
        secret: z.string().trim().min(16).max(256).optional(),
      })
      .optional(),
  })
  .meta({ id: 'CampaignSettingsChange' });
export type SettingsChange = z.infer<typeof settingsChange>;

/** The parts of the configuration one change may replace; the audit entry names those that changed. */
export const settingsParts = ['nameZh', 'nameEn', 'startsOn', 'endsOn', 'timeZone', 'windows', 'exitCriteria', 'timeLimits', 'escalation', 'wipLimits', 'extensionsByLead', 'attachmentQuotaMb', 'targets'] as const;
export type SettingsPart = (typeof settingsParts)[number];

const categoryCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dash and underscore only');

export const newCategoryRequest = z
  .strictObject({ code: categoryCode.optional(), nameZh, nameEn, sortOrder: z.number().int().min(0).max(100_000).optional() })
  .meta({ id: 'NewCategoryRequest' });
export type NewCategoryRequest = z.infer<typeof newCategoryRequest>;

/**
 * A category's code, names and order; `retired: true` takes it out of create
 * forms and imports, `false` brings it back. Items hold the category by id,
 * so a new code changes no item; imports and exports use the new one.
 */
export const categoryChange = z
  .strictObject({ code: categoryCode.optional(), nameZh: nameZh.optional(), nameEn, sortOrder: z.number().int().min(0).max(100_000).optional(), retired: z.boolean().optional() })
  .refine(changesSomething, { message: nothingToChange })
  .meta({ id: 'CategoryChange' });
export type CategoryChange = z.infer<typeof categoryChange>;

export const categoryParams = z.object({
  id: pathId,
  categoryId: pathId,
});

/** The body of a map upload, checked in depth by the server (Polygon and MultiPolygon features with ids). */
export const mapUpload = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(freeObject()) })
  .loose()
  .meta({ id: 'CampaignMapUpload' });

/** What the webhook's receiver made of a test delivery sent now: delivered (2xx), its HTTP status (none when not reached), why not, and how long it took. */
export const webhookTestResult = z
  .object({
    delivered: z.boolean(),
    status: z.number().int().nullable(),
    /** The technical error (for whoever runs the receiver), and why in the office's words; null when delivered. */
    error: z.string().nullable(),
    reason: label.nullable(),
    ms: z.number().int(),
  })
  .meta({ id: 'WebhookTestResult' });
export type WebhookTestResult = z.infer<typeof webhookTestResult>;
