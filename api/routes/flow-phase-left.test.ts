import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/support/api-client';
import { json, TestCampaign } from '../../test/support/campaign-steps';
import { testDatabase } from '../../test/support/test-database';
import { clueStates } from '../../engine';
import type { CampaignSettings } from '../contracts/campaign-admin';
import type { Flow } from '../contracts/flow';
import type { report } from '../contracts/report';

// QA's steps: a new campaign's survey, all its work done on 6 December (5 clues found, 2 solved, 1 prosecuted), is
// advanced into the crackdown while its window ran 1 October to 10 December; the window is then shortened to end on
// 20 November, as the advance dialog suggests. The frozen report's charts must span the days its tables count, the
// 6th to the advance, and neither the crackdown's work that afternoon nor the edit may change them.

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: TestCampaign;

/** Beijing time on 6 December 2026, as the bureau reads its clock. */
const onTheSixth = (time: string) => new Date(`2026-12-06T${time}+08:00`);
const officeAt = (at: Date): Promise<Session> => campaign.officeAt(at);

const advancedAt = onTheSixth('16:27:00');

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
  campaign = await TestCampaign.create(database, onTheSixth('16:20:00'), {
    code: 'qa-2026',
    nameZh: '验收专项',
    nameEn: 'QA campaign',
    startsOn: '2026-10-01',
    endsOn: '2027-03-31',
    windows: { survey: { start: '2026-10-01', end: '2026-12-10' }, crackdown: { start: '2026-12-01', end: '2027-02-28' }, consolidation: { start: '2027-03-01', end: '2027-03-31' } },
  });
  const surveying = await officeAt(onTheSixth('16:22:00'));
  const found = [];
  for (let i = 1; i <= 5; i++) found.push(await campaign.find(surveying, `摸排线索${i}`));
  const [first, second, third] = found;
  if (first === undefined || second === undefined || third === undefined) throw new Error('five clues were found');
  await campaign.solve(surveying, first, '汉公(刑)立字[2026]091号', { prosecute: true });
  await campaign.solve(surveying, second, '汉公(刑)立字[2026]092号');
  await campaign.advance(await officeAt(advancedAt));
  // The crackdown's work that same afternoon is the crackdown's, not the survey's last day.
  const crackingDown = await officeAt(onTheSixth('16:40:00'));
  await campaign.find(crackingDown, '打击阶段线索');
  await campaign.move(crackingDown, third, 'verifying');
}, 60_000);
afterAll(() => database.drop());

describe("a phase the campaign has left: its charts' days", () => {
  it('span the days its frozen report counts, to the advance, and an edit of its window afterwards changes neither', async () => {
    const later = await officeAt(new Date('2026-12-08T10:00:00+08:00'));
    const frozen = await json<Report>(await later.get(`/api/campaigns/${campaign.id}/reports/survey`));
    expect(frozen.span.to).toBe(advancedAt.toISOString());
    const before = await json<Flow>(await later.get(`/api/campaigns/${campaign.id}/flow?phase=survey`));

    // The window shortened to end on 20 November, as the advance dialog suggests, after the advance.
    const settings = await json<CampaignSettings>(await later.get(`/api/campaigns/${campaign.id}/settings`));
    await json(
      await later.send('PATCH', `/api/campaigns/${campaign.id}/settings`, {
        revision: settings.revision,
        windows: { survey: { start: '2026-10-01', end: '2026-11-20' }, crackdown: { start: '2026-12-01', end: '2027-02-28' }, consolidation: { start: '2027-03-01', end: '2027-03-31' } },
      }),
    );
    const after = await json<Flow>(await later.get(`/api/campaigns/${campaign.id}/flow?phase=survey`));
    expect(after).toEqual(before);

    expect(after.window).toEqual({ start: '2026-12-06', end: '2026-12-06' });
    expect(after.phaseEndedAt).toBe(advancedAt.toISOString());
    expect(after.days.map((d) => d.date)).toEqual(['2026-12-06']);
    const last = after.days.at(-1);
    if (last === undefined) throw new Error('the survey has no day');
    // What the frozen tables count, the last point plots: every clue was found in the phase, so all are in its flow.
    const figures = frozen.total.figures;
    expect(figures.cluesFound).toBe(5);
    expect(clueStates.reduce((n, s) => n + last.counts[s], 0)).toBe(figures.cluesFound);
    expect(last.counts.solved + last.counts.prosecuted).toBe(figures.casesSolved);
    expect(last.counts.prosecuted).toBe(figures.sentForProsecutionCases);
    expect(last.counts.verifying).toBe(0);
    expect(last.open).toBe(frozen.total.openAtEnd);
    expect(last.open).toBe(4);
  });

  it('leave a phase under way charted over its window, as the settings have it', async () => {
    const later = await officeAt(new Date('2026-12-08T10:00:00+08:00'));
    const crackdown = await json<Flow>(await later.get(`/api/campaigns/${campaign.id}/flow?phase=crackdown`));
    expect(crackdown.window).toEqual({ start: '2026-12-01', end: '2027-02-28' });
    expect(crackdown.phaseEndedAt).toBeNull();
    // The crackdown's own clue and its verification are in its days, from the 6th on.
    expect(crackdown.days.find((d) => d.date === '2026-12-06')?.counts).toMatchObject({ found: 3, verifying: 1, solved: 1, prosecuted: 1 });
  });
});
