import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CampaignDetail } from '../../api/contracts/campaign';
import type { CampaignSettings } from '../../api/contracts/campaign-admin';
import { flow as flowSchema, type Flow } from '../../api/contracts/flow';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { signIn, testApp, type Session } from './api-client';

/** A clue as a test follows it: its number and the version its next move must name. */
export interface Clue {
  readonly id: number;
  readonly version: number;
}

/** A phase's window, as the settings take it. */
type Window = { readonly start: string; readonly end: string };

/** What a new campaign is created with, and the windows then set on it. */
export interface NewCampaign {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly windows: { readonly survey: Window; readonly crackdown: Window; readonly consolidation: Window };
}

const outcome = { organisationType: 'none', suspectsCaught: 1, criminallyDetained: 1, arrested: 0, gunsSeized: 0, assetsSeizedYuan: 0, moneyInvolvedYuan: 0, moneyStoppedYuan: 0, moneyFrozenYuan: 0, moneyReturnedYuan: 0, victimsWarned: 0 };

/** A response's JSON body, its status checked first (the body in the message when it is not the one expected). */
export async function json<T>(response: Response, status = 200): Promise<T> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

/**
 * A campaign of its own, made by the office through the API, and the steps its tests take in it at chosen instants:
 * clues found by 汉台分局 and given to its officer, moved, solved, the campaign advanced. Each step signs the office in
 * on an app whose clock stands at the instant given, so a test writes the campaign's history day by day.
 */
export class TestCampaign {
  private constructor(
    private readonly database: Database,
    readonly settings: CampaignSettings,
    private readonly officer: number,
  ) {}

  /** Creates the campaign at `at`, sets its windows, and advances it into its survey. */
  static async create(database: Database, at: Date, campaign: NewCampaign): Promise<TestCampaign> {
    const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
    if (officer === undefined) throw new Error('the demo has no hantai.officer');
    const office = await signIn(testApp(database, at), 'office');
    const { windows, ...fields } = campaign;
    const created = await json<CampaignSettings>(await office.send('POST', '/api/campaigns', fields), 201);
    const settings = await json<CampaignSettings>(await office.send('PATCH', `/api/campaigns/${created.id}/settings`, { revision: created.revision, windows }));
    const made = new TestCampaign(database, settings, officer.id);
    await made.advance(office);
    return made;
  }

  get id(): number {
    return this.settings.id;
  }

  /** The office, signed in on an app whose clock stands at `at`. */
  officeAt(at: Date): Promise<Session> {
    return signIn(testApp(this.database, at), 'office');
  }

  /** A clue found by 汉台分局 and given to its officer. */
  async find(office: Session, title: string): Promise<Clue> {
    const body = { campaignId: this.id, unitId: 'hantai', assigneeId: this.officer, title, source: 'platform110' };
    return json<Clue>(await office.send('POST', '/api/clues', body), 201);
  }

  async move(office: Session, clue: Clue, to: string, payload?: unknown): Promise<Clue> {
    return json<Clue>(await office.send('POST', `/api/clues/${clue.id}/transitions`, { to, version: clue.version, ...(payload === undefined ? {} : { payload }) }));
  }

  /** Verified, filed under `caseNumber` and solved; and sent for prosecution when asked. */
  async solve(office: Session, clue: Clue, caseNumber: string, options: { prosecute?: boolean } = {}): Promise<void> {
    const verifying = await this.move(office, clue, 'verifying');
    const filed = await this.move(office, verifying, 'filed', { caseNumber, conclusion: '经核查属实' });
    const solved = await this.move(office, filed, 'solved', { outcome });
    if (options.prosecute === true) await this.move(office, solved, 'prosecuted', { sentForProsecution: 1 });
  }

  /** Into the next phase, with a reason when its exit criteria are not met. */
  async advance(office: Session): Promise<void> {
    const detail = await json<CampaignDetail>(await office.get(`/api/campaigns/${this.id}`));
    const reason = detail.unmet.length > 0 ? { reason: '按部署转段' } : {};
    await json(await office.send('POST', `/api/campaigns/${this.id}/advance`, { version: detail.version, ...reason }));
  }

  /** The campaign's cumulative flow as the office reads it at `at` (`query` its search, `?phase=…` or `?from=…&to=…`), checked against its contract. */
  async flowAt(at: Date, query: string): Promise<Flow> {
    const body = await json<Flow>(await (await this.officeAt(at)).get(`/api/campaigns/${this.id}/flow${query}`));
    expect(flowSchema.safeParse(body).success).toBe(true);
    return body;
  }
}
