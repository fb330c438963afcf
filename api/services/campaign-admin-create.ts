import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { campaignMaps, campaigns, categories } from '../../db/schema';
import { defaultEscalationThresholds, newCampaignContext, phases, type Actor, type CampaignConfig, type PhaseWindow } from '../../engine';
import type { CampaignSettings, NewCampaignRequest } from '../contracts/campaign-admin';
import { assertOffice, invalidSettings, readSettings, unitIdsOf } from './campaign-admin';
import { checkCampaignPlan } from './campaign-admin-rules';
import { storedMap } from './campaign-map-store';
import { englishNameOf } from './english-name';

const day = 86_400_000;
const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A blank campaign's time limits, in calendar days: the bureau's usual ones (start verifying within 3, conclude within 15, solve within 60). */
export const defaultTimeLimits: CampaignConfig['timeLimits'] = {
  clue: { found: 3, verifying: 15, filed: 60, solved: 30 },
  problem: { identified: 7, rectifying: 30, rectified: 7 },
};

/**
 * A blank campaign's exit criteria: the bureau's usual ones, as the design
 * names the survey's (no clue left found, the responsibility list complete),
 * the crackdown left with no item escalated to the office (long overdue),
 * and the consolidation with every clue verified and every problem put right
 * and checked. A blank campaign had none: its advances were said to meet
 * every criterion with clues untouched in 新发现. The office changes them in
 * the settings.
 */
export const defaultExitCriteria: CampaignConfig['exitCriteria'] = {
  survey: [{ kind: 'noCluesIn', states: ['found'] }, { kind: 'responsibilityComplete' }],
  crackdown: [{ kind: 'noOpenEscalations', atOrAbove: 3 }],
  consolidation: [
    { kind: 'noCluesIn', states: ['found', 'verifying'] },
    { kind: 'noProblemsIn', states: ['identified', 'rectifying', 'rectified'] },
  ],
};

/** The campaign's days split in three, one window per phase, for a blank campaign to start from. */
export function splitWindows(startsOn: string, endsOn: string): CampaignConfig['windows'] {
  const start = dateMs(startsOn);
  const days = Math.max(1, Math.round((dateMs(endsOn) - start) / day) + 1);
  const cut = (i: number) => start + Math.floor((days * i) / 3) * day;
  const window = (i: number): PhaseWindow => {
    const from = cut(i);
    return { start: dateOf(from), end: dateOf(Math.max(from, cut(i + 1) - day)) };
  };
  return { survey: window(0), crackdown: window(1), consolidation: window(2) };
}

/**
 * Another campaign's windows fitted to the new campaign's dates, in the same
 * proportions: each window's first day and the day after its last are placed
 * as far into the new campaign, in its share of the days, as they were into
 * the other. A campaign as long has them moved by as many days as it starts
 * later; a shorter one has them shortened alike. Moved only, a half-year copy
 * of a year's campaign had its last phase cut to its last day, and no word
 * said. Windows that met still meet (the day after one's last is the next's
 * first); a window keeps at least one day.
 */
export function movedWindows(windows: CampaignConfig['windows'], from: { readonly startsOn: string; readonly endsOn: string }, startsOn: string, endsOn: string): CampaignConfig['windows'] {
  const daysOf = (first: string, last: string) => Math.max(1, Math.round((dateMs(last) - dateMs(first)) / day) + 1);
  const share = daysOf(startsOn, endsOn) / daysOf(from.startsOn, from.endsOn);
  // A boundary (a first day, or the day after a last) as a number of days into the new campaign, inside it.
  const placed = (date: string, dayAfter: boolean) => {
    const into = Math.round(dateMs(date) / day - dateMs(from.startsOn) / day + (dayAfter ? 1 : 0));
    return Math.min(Math.max(Math.round(into * share), 0), daysOf(startsOn, endsOn));
  };
  const out = {} as Record<(typeof phases)[number], PhaseWindow>;
  for (const phase of phases) {
    const first = Math.min(placed(windows[phase].start, false), daysOf(startsOn, endsOn) - 1);
    const last = Math.max(first, placed(windows[phase].end, true) - 1);
    out[phase] = { start: dateOf(dateMs(startsOn) + first * day), end: dateOf(dateMs(startsOn) + last * day) };
  }
  return out;
}

/**
 * Creates a campaign in the planned state: blank, or with another
 * campaign's configuration, active categories and map (its windows fitted to
 * the new dates, see {@link movedWindows}). The campaign, its categories and its `campaign.create`
 * entry are written in one transaction.
 */
export async function createCampaign(database: Database, actor: Actor, request: NewCampaignRequest, now: Date): Promise<CampaignSettings> {
  assertOffice(actor);
  return database.write(async (tx) => {
    const [taken] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.code, request.code)).limit(1);
    if (taken !== undefined) throw invalidSettings([{ field: 'code', message: { zh: `代号 ${request.code} 已被其他专项行动使用`, en: `The code ${request.code} is already used by another campaign` } }]);

    let config: CampaignConfig;
    let copied: { categories: { code: string; nameZh: string; nameEn: string; sortOrder: number }[]; map: string | null } = { categories: [], map: null };
    if (request.copyFrom === undefined) {
      config = {
        timeZone: request.timeZone ?? 'Asia/Shanghai',
        windows: splitWindows(request.startsOn, request.endsOn),
        exitCriteria: defaultExitCriteria,
        timeLimits: defaultTimeLimits,
        escalation: { ...defaultEscalationThresholds },
        wipLimits: { clue: {}, problem: {} },
        targets: [],
      };
    } else {
      const [source] = await tx.select().from(campaigns).where(eq(campaigns.id, request.copyFrom)).limit(1);
      if (source === undefined) throw invalidSettings([{ field: 'copyFrom', message: { zh: '没有这个专项行动可供复制', en: 'There is no campaign with this id to copy' } }]);
      config = {
        ...source.config,
        ...(request.timeZone !== undefined && { timeZone: request.timeZone }),
        windows: movedWindows(source.config.windows, source, request.startsOn, request.endsOn),
      };
      const sourceCategories = await tx.select().from(categories).where(eq(categories.campaignId, source.id)).orderBy(asc(categories.sortOrder), asc(categories.id));
      // Retired categories are the source campaign's history, not part of what a new campaign starts with.
      copied = {
        categories: sourceCategories.filter((c) => c.retiredAt === null).map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: c.sortOrder })),
        map: await storedMap(tx, source.id),
      };
    }

    const issues = checkCampaignPlan({ startsOn: request.startsOn, endsOn: request.endsOn, config }, await unitIdsOf(tx));
    if (issues.length > 0) throw invalidSettings(issues);

    const createdAt = now.toISOString();
    const [row] = await tx
      .insert(campaigns)
      .values({
        code: request.code,
        nameZh: request.nameZh,
        nameEn: englishNameOf(request.nameEn, request.nameZh),
        state: 'planned',
        context: newCampaignContext,
        version: 1,
        config,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        createdAt,
      })
      .returning({ id: campaigns.id });
    if (row === undefined) throw new Error('campaign not created');
    if (copied.map !== null) await tx.insert(campaignMaps).values({ campaignId: row.id, geojson: copied.map });
    if (copied.categories.length > 0) await tx.insert(categories).values(copied.categories.map((c) => ({ ...c, campaignId: row.id })));
    await appendAudit(tx, {
      at: createdAt,
      actorId: actor.userId,
      campaignId: row.id,
      subject: 'campaign',
      subjectId: row.id,
      event: 'campaign.create',
      fromState: null,
      toState: 'planned',
      payload: { config, copiedFrom: request.copyFrom ?? null, categories: copied.categories.map((c) => c.code), map: copied.map !== null },
      version: 1,
    });
    return readSettings(tx, row.id);
  });
}
