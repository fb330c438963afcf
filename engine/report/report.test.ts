import { describe, expect, it } from 'vitest';
import { buildReport, type ReportEntry } from './report';

const outcome = {
  organisationType: 'criminalGang',
  suspectsCaught: 5,
  criminallyDetained: 4,
  arrested: 3,
  gunsSeized: 1,
  assetsSeizedYuan: 1_000_000,
  moneyInvolvedYuan: 2_000_000,
  moneyStoppedYuan: 300_000,
  moneyFrozenYuan: 400_000,
  moneyReturnedYuan: 50_000,
  victimsWarned: 20,
};

const create = (id: number, at: string, unitId: string, categoryId: number, dueAt: string): ReportEntry => ({
  at,
  subject: 'clue',
  subjectId: id,
  event: 'clue.create',
  toState: 'found',
  payload: { type: 'clue.create', input: { unitId, categoryId, foundAt: at, dueAt } },
});
const move = (id: number, at: string, event: string, toState: string, extra: Record<string, unknown> = {}, dueAt: string | null = null): ReportEntry => ({
  at,
  subject: 'clue',
  subjectId: id,
  event,
  toState,
  payload: { type: event, ...extra, meta: { at, dueAt } },
});

const entries: ReportEntry[] = [
  create(1, '2026-01-05T00:00:00Z', 'hantai', 1, '2026-01-08T16:00:00Z'),
  create(2, '2026-01-06T00:00:00Z', 'nanzheng', 2, '2026-01-09T16:00:00Z'),
  move(1, '2026-01-06T00:00:00Z', 'clue.verify', 'verifying', {}, '2026-01-21T16:00:00Z'),
  move(1, '2026-01-10T00:00:00Z', 'clue.file', 'filed', { caseNumber: 'X', conclusion: 'y' }, '2026-03-11T16:00:00Z'),
  move(1, '2026-02-04T00:00:00Z', 'clue.solve', 'solved', { outcome }, '2026-03-06T16:00:00Z'),
  move(2, '2026-02-10T00:00:00Z', 'clue.transfer', 'found', { unitId: 'hantai', reason: 'r' }),
  move(2, '2026-04-02T00:00:00Z', 'clue.verify', 'verifying', {}, '2026-04-17T16:00:00Z'),
  move(1, '2026-04-03T00:00:00Z', 'clue.prosecute', 'prosecuted', { sentForProsecution: 3 }),
];

describe('buildReport', () => {
  const survey = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', asOf: '2030-01-01T00:00:00Z' };

  it('counts what happened in the span, with every outcome figure', () => {
    const { total } = buildReport(entries, survey);
    expect(total.figures).toMatchObject({ cluesFound: 2, cluesVerified: 1, casesFiled: 1, casesSolved: 1, sentForProsecution: 0, criminalGangsBroken: 1, suspectsCaught: 5, moneyStoppedYuan: 300_000, victimsWarned: 20 });
    expect(total.solveRate).toBe(1);
    expect(total.medianDaysToSolve).toBe(30);
  });

  it('knows what stood open and overdue at the end of the span', () => {
    const { total, byUnit } = buildReport(entries, survey);
    // At 1 April: clue 1 solved (due 6 March: overdue), clue 2 still found (due 9 January: overdue), now with hantai.
    expect(total.openAtEnd).toBe(2);
    expect(total.overdueAtEnd).toBe(2);
    expect(byUnit.hantai?.openAtEnd).toBe(2);
    expect(byUnit.nanzheng?.figures.cluesFound).toBe(1);
  });

  it('counts an item whose deadline was extended (延期) by its new due time, in its state', () => {
    const extended = [...entries, move(2, '2026-01-09T08:00:00Z', 'clue.extend', 'found', { until: '2026-04-30', reason: 'r' }, '2026-04-30T16:00:00Z')].sort((x, y) => x.at.localeCompare(y.at));
    const { total } = buildReport(extended, survey);
    // At 1 April clue 2 is still found, now due 30 April: open, not overdue; clue 1 still is.
    expect(total.openAtEnd).toBe(2);
    expect(total.overdueAtEnd).toBe(1);
    // An extension given after the span ended changes nothing in it.
    const late = [...entries, move(2, '2026-04-01T08:00:00Z', 'clue.extend', 'found', { until: '2026-04-30', reason: 'r' }, '2026-04-30T16:00:00Z')];
    expect(buildReport(late, survey).total.overdueAtEnd).toBe(2);
  });

  it('counts how deadlines were handled: extensions given, requests asked and declined, by the unit that held the item', () => {
    const handled = [
      ...entries,
      move(2, '2026-01-08T08:00:00Z', 'clue.requestExtension', 'found', { until: '2026-01-20', reason: 'r', requestedDueAt: '2026-01-20T16:00:00Z' }, '2026-01-09T16:00:00Z'),
      move(2, '2026-01-09T08:00:00Z', 'clue.declineExtension', 'found', { reason: 'no' }, '2026-01-09T16:00:00Z'),
      move(2, '2026-01-09T09:00:00Z', 'clue.extend', 'found', { until: '2026-01-20', reason: 'r' }, '2026-01-20T16:00:00Z'),
      move(1, '2026-01-07T00:00:00Z', 'clue.extend', 'verifying', { until: '2026-01-30', reason: 'r' }, '2026-01-30T16:00:00Z'),
      // After the span: not in it.
      move(2, '2026-04-05T00:00:00Z', 'clue.extend', 'verifying', { until: '2026-05-30', reason: 'r' }, '2026-05-30T16:00:00Z'),
    ].sort((x, y) => x.at.localeCompare(y.at));
    const { total, byUnit } = buildReport(handled, survey);
    expect(total.figures).toMatchObject({ extensionsGranted: 2, extensionsAsked: 1, extensionsDeclined: 1 });
    // Clue 2 was Nanzheng's until its transfer on 10 February.
    expect(byUnit.nanzheng?.figures).toMatchObject({ extensionsGranted: 1, extensionsAsked: 1, extensionsDeclined: 1 });
    expect(byUnit.hantai?.figures).toMatchObject({ extensionsGranted: 1, extensionsAsked: 0, extensionsDeclined: 0 });
  });

  it('does not change "as of" an instant when later entries arrive', () => {
    const asOf = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', asOf: '2026-03-01T00:00:00Z' };
    const before = buildReport(entries.slice(0, 6), asOf);
    const after = buildReport(entries, asOf);
    expect(after.total).toEqual(before.total);
    expect(after.total.figures.sentForProsecution).toBe(0);
  });

  it('counts a later span separately', () => {
    const crackdown = { from: '2026-04-01T00:00:00Z', to: '2026-09-01T00:00:00Z', asOf: '2030-01-01T00:00:00Z' };
    const { total } = buildReport(entries, crackdown);
    expect(total.figures).toMatchObject({ cluesFound: 0, casesSolved: 0, sentForProsecution: 3, sentForProsecutionCases: 1 });
    expect(total.solveRate).toBeNull();
  });

  it("counts a branch's own report from what happened in its units, where each clue was worked then", () => {
    // Clue 2 was found in nanzheng and transferred to hantai on 10 February.
    const nanzheng = buildReport(entries, survey, { units: new Set(['nanzheng']) });
    expect(nanzheng.total.figures.cluesFound).toBe(1);
    expect(nanzheng.total.openAtEnd).toBe(0);
    expect(Object.keys(nanzheng.byUnit)).toEqual(['nanzheng']);
    const hantai = buildReport(entries, survey, { units: new Set(['hantai']) });
    expect(hantai.total.figures).toMatchObject({ cluesFound: 1, casesFiled: 1, casesSolved: 1, suspectsCaught: 5 });
    expect(hantai.total.openAtEnd).toBe(2);
    expect(hantai.byCategory['2']?.openAtEnd).toBe(1);
    expect(hantai.byCategory['2']?.figures.cluesFound).toBe(0);
    // The two branches together are the whole.
    const both = buildReport(entries, survey, { units: new Set(['hantai', 'nanzheng']) });
    expect(both.total).toEqual(buildReport(entries, survey).total);
  });

  it("counts one category's report, and one unit's within it", () => {
    const fraud = buildReport(entries, survey, { categoryId: 2 });
    expect(fraud.total.figures.cluesFound).toBe(1);
    expect(fraud.total.figures.casesSolved).toBe(0);
    expect(Object.keys(fraud.byCategory)).toEqual(['2']);
    expect(buildReport(entries, survey, { categoryId: 2, units: new Set(['hantai']) }).total.openAtEnd).toBe(1);
    expect(buildReport(entries, survey, { categoryId: 1, units: new Set(['nanzheng']) }).total.figures.cluesFound).toBe(0);
  });

  it('counts a clue found unfounded (查否), reopened and then filed as one clue verified and filed, none unfounded', () => {
    // The dismissal was counted and the filing too: the report said 查否 55 where the list of unfounded clues held 53.
    const reopened = [
      create(3, '2026-01-05T00:00:00Z', 'hantai', 1, '2026-01-08T16:00:00Z'),
      move(3, '2026-01-06T00:00:00Z', 'clue.verify', 'verifying', {}, '2026-01-21T16:00:00Z'),
      move(3, '2026-01-10T00:00:00Z', 'clue.dismiss', 'unfounded', { conclusion: '经核查，举报内容不属实' }),
      move(3, '2026-02-03T00:00:00Z', 'clue.reopen', 'verifying', { reason: '有新的举报材料' }, '2026-02-18T16:00:00Z'),
      move(3, '2026-02-12T00:00:00Z', 'clue.file', 'filed', { caseNumber: 'Y', conclusion: 'z' }, '2026-04-13T16:00:00Z'),
    ];
    const counted = (span: { from: string; to: string; asOf: string }) => {
      const { cluesVerified, cluesUnfounded, casesFiled } = buildReport(reopened, span).total.figures;
      return [cluesVerified, cluesUnfounded, casesFiled];
    };
    expect(counted(survey)).toEqual([1, 0, 1]);
    // The reopening takes the dismissal back on its own day: a span holding the dismissal alone counts it, one holding the reopening alone takes it back.
    expect(counted({ ...survey, to: '2026-02-01T00:00:00Z' })).toEqual([1, 1, 0]);
    expect(counted({ ...survey, from: '2026-02-01T00:00:00Z', to: '2026-02-05T00:00:00Z' })).toEqual([-1, -1, 0]);
    // By the unit that held it, as every figure is.
    expect(buildReport(reopened, survey).byUnit.hantai?.figures).toMatchObject({ cluesVerified: 1, cluesUnfounded: 0, casesFiled: 1 });
  });

  it('counts a problem sent back at its check and done again as one problem rectified, with the figures of the submission that stands', () => {
    const problem = (event: string, at: string, toState: string, extra: Record<string, unknown> = {}): ReportEntry => ({ at, subject: 'problem', subjectId: 7, event, toState, payload: { type: event, ...extra, meta: { at, dueAt: null } } });
    const rectification = (websitesShutDown: number, accountsClosed: number) => ({ rectification: { measures: '关停', websitesShutDown, accountsClosed } });
    const problemEntries = [
      problem('problem.create', '2026-01-05T00:00:00Z', 'identified', { input: { unitId: 'hantai', categoryId: 1, identifiedAt: '2026-01-05T00:00:00Z', dueAt: null } }),
      problem('problem.start', '2026-01-06T00:00:00Z', 'rectifying'),
      problem('problem.complete', '2026-01-20T00:00:00Z', 'rectified', rectification(3, 40)),
      problem('problem.reject', '2026-01-25T00:00:00Z', 'rectifying', { reason: '整改不到位' }),
      problem('problem.complete', '2026-02-10T00:00:00Z', 'rectified', rectification(4, 45)),
      problem('problem.verify', '2026-02-15T00:00:00Z', 'verified'),
    ];
    const whole = buildReport(problemEntries, survey).total.figures;
    expect([whole.problemsFound, whole.problemsRectified, whole.problemsVerified, whole.websitesShutDown, whole.accountsClosed]).toEqual([1, 1, 1, 4, 45]);
    // The rejection is taken back on its own day: a span holding the submission but not the rejection counts the submission.
    const january = buildReport(problemEntries, { ...survey, to: '2026-01-22T00:00:00Z' }).total.figures;
    expect([january.problemsRectified, january.websitesShutDown]).toEqual([1, 3]);
  });
});
