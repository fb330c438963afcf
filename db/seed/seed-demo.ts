import { eq, inArray } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { projectPath } from '../project-path';
import { localDateOf, type Actor } from '../../engine';
import { appendAudit } from '../audit/append';
import type { Database } from '../client';
import { clueStore, problemStore } from '../items/store';
import { rebuildKeptTables } from '../audit/kept-figures';
import { attachments, campaignMaps, campaigns, categories, escalations, units, users } from '../schema';
import { demoCampaignConfig, demoCategories } from './demo-campaign';
import { demoDescriptions } from './demo-descriptions';
import { simulateCampaign } from './demo-simulation';
import { demoUnits, demoUsers } from './demo-units';
import { seededRandom } from './random';

/** The Hanzhong county map (MIT, see maps/hanzhong-counties.LICENSE), its 南郑县 renamed 南郑区 as it has been since 2017 (the demo's 南郑分局 is a district's); the county branches link to it by feature id. */
const hanzhongMap = projectPath('db/seed/maps/hanzhong-counties.geojson');

export interface DemoSeedOptions {
  readonly now: Date;
  /** Hashes the demo password once per user (scrypt in the API's auth module). */
  readonly hashPassword: (password: string) => Promise<string>;
  readonly password: string;
  readonly clues?: number;
  readonly problems?: number;
  readonly seed?: number;
  /** Work notes along the way, and what each clue says (on unless told otherwise; the benchmark's data has neither). */
  readonly notes?: boolean;
  /** The escalations the deadline sweeps raised along the way (on unless told otherwise; see demo-escalations.ts). */
  readonly escalations?: boolean;
}

/**
 * True when the demo's sign-ins work: every demo account is there and the
 * office's takes the demo password. Only then are they worth printing: a
 * bureau may name its own accounts as the demo does (`xingzhen.lead`), and
 * the demo's passwords may have been changed since.
 */
export async function demoSignInsWork(database: Database, password: string, verify: (password: string, stored: string) => Promise<boolean>): Promise<boolean> {
  const usernames = demoUsers.map((u) => u.username);
  const rows = await database.db.select({ username: users.username, passwordHash: users.passwordHash }).from(users).where(inArray(users.username, usernames));
  const office = rows.find((row) => row.username === 'office');
  return rows.length === usernames.length && office !== undefined && (await verify(password, office.passwordHash));
}

/** True when the database already holds a campaign (the demo is seeded only on a first start). */
export async function hasCampaign(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ id: campaigns.id }).from(campaigns).limit(1);
  return row !== undefined;
}

/**
 * Seeds the Hanzhong demo campaign of the current year: its units, the demo
 * accounts, the eight categories and a year so far of clues and problems,
 * all played through the engine so that the audit log replays to them.
 * One transaction: a failed seed leaves the database empty.
 */
export async function seedDemo(database: Database, options: DemoSeedOptions): Promise<{ campaignId: number }> {
  const { now } = options;
  const year = Number(localDateOf(now, 'Asia/Shanghai').slice(0, 4));
  const counties = demoUnits.filter((u) => u.kind === 'county').map((u) => u.id);
  const config = demoCampaignConfig(year, counties);
  const createdAt = now.toISOString();
  const hashes = await Promise.all(demoUsers.map(() => options.hashPassword(options.password)));

  return database.write(async (tx) => {
    await tx.insert(units).values(demoUnits.map((u, i) => ({ ...u, sortOrder: i, createdAt })));
    const inserted = await tx
      .insert(users)
      .values(demoUsers.map((u, i) => ({ ...u, passwordHash: hashes[i] ?? '', createdAt })))
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    const actor = (username: string): Actor => {
      const user = demoUsers.find((u) => u.username === username);
      const userId = idOf.get(username);
      if (user === undefined || userId === undefined) throw new Error(`demo user ${username} missing`);
      return { userId, role: user.role, unitScope: user.role === 'office' ? [] : [user.unitId] };
    };

    const [campaign] = await tx
      .insert(campaigns)
      .values({
        code: `hz-${year}`,
        nameZh: `汉中市打击治理利用网络实施涉黑恶等违法犯罪专项整治（${year}）`,
        nameEn: `Hanzhong campaign against organised crime online (${year})`,
        state: 'planned',
        context: { phaseEnteredAt: {}, forcedAdvances: [] },
        version: 1,
        config,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        createdAt,
      })
      .returning({ id: campaigns.id });
    if (campaign === undefined) throw new Error('campaign not created');
    const campaignId = campaign.id;
    await tx.insert(campaignMaps).values({ campaignId, geojson: readFileSync(hanzhongMap, 'utf8') });
    const categoryRows = await tx
      .insert(categories)
      .values(demoCategories.map((c, i) => ({ ...c, campaignId, sortOrder: i + 1 })))
      .returning({ id: categories.id, code: categories.code });

    const office = actor('office');
    const random = seededRandom(options.seed ?? year);
    // The notes' own stream ('note' in ASCII beside the seed): the items' paths are the same with or without them.
    const notes = options.notes === false ? undefined : seededRandom((options.seed ?? year) ^ 0x6e6f7465);
    // What each clue says, with the numbers it names ('desc'): written with the notes, as the bureau's people write them.
    const describe = options.notes === false ? undefined : demoDescriptions(seededRandom((options.seed ?? year) ^ 0x64657363));
    // The files attached along the way ('file'), with the notes too.
    const files = options.notes === false ? undefined : seededRandom((options.seed ?? year) ^ 0x66696c65);
    // The deadlines unit leads extend ('ext'), with the notes too.
    const extensions = options.notes === false ? undefined : seededRandom((options.seed ?? year) ^ 0x657874);
    // The escalations acknowledged ('ackn'), with the notes too.
    const acknowledgements = options.notes === false ? undefined : seededRandom((options.seed ?? year) ^ 0x61636b6e);
    // The consolidation phase's clean-up of what the year left standing ('cons'), with the notes too.
    const consolidation = options.notes === false ? undefined : seededRandom((options.seed ?? year) ^ 0x636f6e73);
    const result = simulateCampaign({
      campaignId,
      config,
      now,
      random,
      clues: options.clues ?? 300,
      problems: options.problems ?? 30,
      units: demoUnits
        .filter((u) => u.kind !== 'office')
        .map((u) => ({ id: u.id, weight: u.kind === 'county' ? 3 : 2, lead: actor(`${u.id}.lead`), officer: actor(`${u.id}.officer`) })),
      office,
      categories: categoryRows,
      ...(notes !== undefined && { notes }),
      ...(describe !== undefined && { describe }),
      ...(files !== undefined && { files }),
      ...(extensions !== undefined && { extensions }),
      ...(acknowledgements !== undefined && { acknowledgements }),
      ...(consolidation !== undefined && { consolidation }),
      ...(options.escalations === false && { escalations: false }),
    });

    // The campaign was planned the day before its first window opened.
    const plannedAt = new Date(`${year - 1}-12-31T09:00:00+08:00`).toISOString();
    await appendAudit(tx, { at: plannedAt, actorId: office.userId, campaignId, subject: 'campaign', subjectId: campaignId, event: 'campaign.create', fromState: null, toState: 'planned', payload: { config }, version: 1 }, ...result.audit);
    for (const clue of result.clues) await clueStore.insert(tx, clue, clue.context.enteredAt);
    for (const problem of result.problems) await problemStore.insert(tx, problem, problem.context.enteredAt);
    if (result.files.length > 0) {
      await tx.insert(attachments).values(
        result.files.map((file) => ({ ...file, campaignId, size: file.content.byteLength, content: Buffer.from(file.content) })),
      );
    }
    if (result.escalations.length > 0) {
      await tx.insert(escalations).values(result.escalations.map((e) => ({ ...e, campaignId, status: e.resolvedAt !== null ? ('resolved' as const) : e.acknowledgedAt !== null ? ('acknowledged' as const) : ('open' as const) })));
      // The rungs the items stand at, and the board's escalated counts, as the sweep keeps them (from the escalations).
      await rebuildKeptTables(tx, ['clue_rungs', 'problem_rungs', 'board_counts']);
    }
    await tx
      .update(campaigns)
      .set({ state: result.campaign.state, context: result.campaign.context, version: result.campaign.version })
      .where(eq(campaigns.id, campaignId));
    return { campaignId };
  });
}
