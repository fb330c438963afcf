import { describe, expect, it } from 'vitest';
import { demoCampaignConfig } from '../../db/seed/demo-campaign';
import { checkCampaignMap } from './campaign-admin-map';
import { checkCampaignPlan, checkLeftPhaseTargets } from './campaign-admin-rules';
import { movedWindows, splitWindows } from './campaign-admin-create';

const units = new Set(['office', 'hantai', 'nanzheng']);
const demo = { startsOn: '2026-01-01', endsOn: '2026-12-31', config: demoCampaignConfig(2026, ['hantai', 'nanzheng']) };
const fields = (plan: typeof demo) => checkCampaignPlan(plan, units).map((f) => f.field);

describe('checkCampaignPlan', () => {
  it('accepts the demo campaign, whose survey and crackdown windows overlap in March', () => {
    expect(checkCampaignPlan(demo, units)).toEqual([]);
  });

  it('names the field of each broken rule', () => {
    const config = demo.config;
    expect(fields({ ...demo, config: { ...config, timeZone: 'Mars/Olympus' } })).toEqual(['timeZone']);
    expect(fields({ ...demo, endsOn: '2026-02-30' })).toEqual(['endsOn']);
    // An end before the start is said once, at the end date, not again by each of the six windows' dates.
    expect(fields({ ...demo, endsOn: '2025-12-01' })).toEqual(['endsOn']);
    // At most five years (1,826 days: 2026-01-01 to 2030-12-31 is the longest), not 0001 to 9999.
    expect(fields({ ...demo, endsOn: '2030-12-31' })).toEqual([]);
    expect(fields({ ...demo, endsOn: '2031-01-01' })).toEqual(['endsOn']);
    expect(checkCampaignPlan({ ...demo, startsOn: '0001-01-01', endsOn: '9999-12-31' }, units).find((f) => f.field === 'endsOn')?.message.en).toBe('A campaign lasts at most 5 years (to 0005-12-31 at the latest)');
    expect(fields({ ...demo, config: { ...config, windows: { ...config.windows, consolidation: { start: '2026-02-01', end: '2026-12-31' } } } })).toEqual(['windows.consolidation.start']);
    expect(fields({ ...demo, config: { ...config, exitCriteria: { ...config.exitCriteria, crackdown: [{ kind: 'noProblemsIn', states: ['verified'] }] } } })).toEqual(['exitCriteria.crackdown.0.states']);
    expect(fields({ ...demo, config: { ...config, targets: [{ unitId: 'hantai', phase: 'survey', metric: 'casesSolved', value: 1 }, { unitId: 'hantai', phase: 'survey', metric: 'casesSolved', value: 2 }] } })).toEqual([
      'targets.1',
    ]);
    expect(fields({ ...demo, config: { ...config, escalation: { dueSoonHours: 23, longOverdueDays: 7 }, timeLimits: { ...config.timeLimits, problem: { ...config.timeLimits.problem, rectified: 1 } } } })).toEqual([]);
    expect(fields({ ...demo, config: { ...config, escalation: { dueSoonHours: 24, longOverdueDays: 7 }, timeLimits: { ...config.timeLimits, problem: { ...config.timeLimits.problem, rectified: 1 } } } })).toEqual([
      'escalation.dueSoonHours',
    ]);
  });
});

describe('windows of a new campaign', () => {
  it('splits a blank campaign’s days in three, end to end', () => {
    expect(splitWindows('2027-01-01', '2027-12-31')).toEqual({
      survey: { start: '2027-01-01', end: '2027-05-01' },
      crackdown: { start: '2027-05-02', end: '2027-08-31' },
      consolidation: { start: '2027-09-01', end: '2027-12-31' },
    });
    const day = { start: '2027-03-01', end: '2027-03-01' };
    expect(splitWindows('2027-03-01', '2027-03-01')).toEqual({ survey: day, crackdown: day, consolidation: day });
  });

  it('fits a copied campaign’s windows to its dates in the same proportions: moved with a campaign as long, shortened alike in a shorter one', () => {
    const year = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect(demo.config.windows).toEqual({
      survey: { start: '2026-01-01', end: '2026-03-31' },
      crackdown: { start: '2026-03-01', end: '2026-08-31' },
      consolidation: { start: '2026-09-01', end: '2026-12-31' },
    });
    // A year again: moved by a year, day for day.
    expect(movedWindows(demo.config.windows, year, '2027-01-01', '2027-12-31')).toEqual({
      survey: { start: '2027-01-01', end: '2027-03-31' },
      crackdown: { start: '2027-03-01', end: '2027-08-31' },
      consolidation: { start: '2027-09-01', end: '2027-12-31' },
    });
    // Half a year: each phase half as long, where it had been moved and cut, the consolidation to one day (06-30).
    const half = movedWindows(demo.config.windows, year, '2027-01-01', '2027-06-30');
    expect(half).toEqual({
      survey: { start: '2027-01-01', end: '2027-02-14' },
      crackdown: { start: '2027-01-30', end: '2027-05-01' },
      consolidation: { start: '2027-05-02', end: '2027-06-30' },
    });
    // One day: every phase is that day.
    const day = { start: '2027-03-01', end: '2027-03-01' };
    expect(movedWindows(demo.config.windows, year, '2027-03-01', '2027-03-01')).toEqual({ survey: day, crackdown: day, consolidation: day });
  });
});

describe('checkCampaignMap', () => {
  const ring = [[107, 33], [108, 33], [108, 34], [107, 33]];
  it('accepts polygons with ids and reads their names', () => {
    const map = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 1, properties: { name: '汉台区' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
    expect(checkCampaignMap(map)).toEqual({ ok: true, features: [{ id: '1', name: '汉台区' }] });
  });

  it('refuses what the battle map cannot draw or link, by field', () => {
    const feature = (id: unknown, geometry: unknown) => ({ type: 'Feature', id, properties: {}, geometry });
    const result = checkCampaignMap({
      type: 'FeatureCollection',
      features: [feature('a', { type: 'Polygon', coordinates: [ring] }), feature('a', { type: 'LineString', coordinates: ring }), feature('b', { type: 'Polygon', coordinates: [[[200, 33], [108, 33], [108, 34], [200, 33]]] })],
    });
    expect(result.ok ? [] : result.fields.map((f) => f.field)).toEqual(['features.1.id', 'features.1.geometry.type', 'features.2.geometry.coordinates']);
    expect(checkCampaignMap({ type: 'Feature' })).toMatchObject({ ok: false, fields: [{ field: 'type' }] });
  });
});

describe('the targets of a phase the campaign has left', () => {
  const target = (phase: 'survey' | 'crackdown', unitId: string, value: number) => ({ unitId, phase, metric: 'casesSolved' as const, value });
  const before = [target('survey', 'hantai', 4), target('survey', 'nanzheng', 4), target('crackdown', 'hantai', 6)];

  it('are kept in the crackdown: in another order they are the same; the crackdown’s own change', () => {
    expect(checkLeftPhaseTargets(before, [...before].reverse(), 'crackdown')).toEqual([]);
    expect(checkLeftPhaseTargets(before, [target('survey', 'hantai', 4), target('survey', 'nanzheng', 4), target('crackdown', 'hantai', 9)], 'crackdown')).toEqual([]);
  });

  it('names a changed or added one by its row, a removed one by the targets as a whole', () => {
    const changed = checkLeftPhaseTargets(before, [target('survey', 'hantai', 5), target('survey', 'nanzheng', 4), target('crackdown', 'hantai', 6)], 'crackdown');
    expect(changed.map((i) => i.field)).toEqual(['targets.0']);
    expect(checkLeftPhaseTargets(before, [...before, target('survey', 'chenggu', 1)], 'crackdown').map((i) => i.field)).toEqual(['targets.3']);
    expect(checkLeftPhaseTargets(before, before.slice(1), 'crackdown').map((i) => i.field)).toEqual(['targets']);
  });

  it('holds for every phase once concluded, and for none before the survey is left', () => {
    expect(checkLeftPhaseTargets(before, before.slice(0, 2), 'concluded').map((i) => i.field)).toEqual(['targets']);
    expect(checkLeftPhaseTargets(before, [], 'survey')).toEqual([]);
    expect(checkLeftPhaseTargets(before, [], 'planned')).toEqual([]);
  });
});
