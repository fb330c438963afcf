import { describe, expect, it } from 'vitest';
import { actors, campaignConfig } from '../../test/support/engine-fixtures';
import { campaignOverdue, decideAdvance, newCampaignContext, replayCampaign, type CampaignRecord } from './campaign.kind';
import type { CampaignState } from './campaign.model';
import type { UnmetCriterion } from './exit-criteria';

const campaignIn = (state: CampaignState): CampaignRecord => ({ id: 1, state, context: newCampaignContext, version: 1 });
// Local (Shanghai) wall-clock time as an instant.
const local = (iso: string) => new Date(`${iso}+08:00`);
const unmet: UnmetCriterion[] = [{ criterion: { kind: 'noCluesIn', states: ['found'] }, blocking: { count: 2, sample: [{ kind: 'clue', id: 5 }] } }];

describe('advancing the campaign', () => {
  it.each([
    ['planned', '2025-12-31T23:59:59', 'window_not_open'],
    ['planned', '2026-01-01T00:00:00', 'survey'],
    ['survey', '2026-02-28T23:59:59', 'window_not_open'],
    ['survey', '2026-03-01T00:00:00', 'crackdown'],
    ['survey', '2026-06-01T00:00:00', 'crackdown'],
    ['crackdown', '2026-08-31T23:59:59', 'window_not_open'],
    ['crackdown', '2026-09-01T00:00:00', 'consolidation'],
    ['consolidation', '2026-12-30T23:59:59', 'window_not_open'],
    ['consolidation', '2026-12-31T00:00:00', 'concluded'],
    ['consolidation', '2026-12-31T23:59:59', 'concluded'],
    ['consolidation', '2027-03-01T00:00:00', 'concluded'],
    ['crackdown', '2027-01-01T00:00:00', 'window_not_open'],
    ['concluded', '2027-01-02T00:00:00', 'campaign_concluded'],
  ] as const)('from %s at %s (local) gives %s', (state, at, expected) => {
    const decision = decideAdvance(campaignIn(state), actors.office, {}, campaignConfig, [], local(at));
    expect(decision.ok ? decision.state : decision.refusal.code).toBe(expected);
  });

  it('says whether the next window is still to open, or has ended, with its day', () => {
    const early = decideAdvance(campaignIn('crackdown'), actors.office, {}, campaignConfig, [], local('2026-08-31T23:59:59'));
    const late = decideAdvance(campaignIn('crackdown'), actors.office, {}, campaignConfig, [], local('2027-01-01T00:00:00'));
    expect(early.ok ? null : early.refusal.reason).toEqual({ zh: '下一阶段的时间窗口尚未开启（2026-09-01 开启）', en: "The next phase's window is not open yet (it opens on 2026-09-01)" });
    expect(late.ok ? null : late.refusal.reason).toEqual({
      zh: '下一阶段的时间窗口已于 2026-12-31 结束：请专项办在专项配置中调整各阶段的时间窗口后再推进',
      en: "The next phase's window ended on 2026-12-31: the campaign office can change the phases' windows in the settings, then advance",
    });
  });

  it("concludes from the last phase's last day, as the board offers it, and says so before then", () => {
    const early = decideAdvance(campaignIn('consolidation'), actors.office, { reason: '提前结束' }, campaignConfig, [], local('2026-10-01T09:00:00'));
    expect(early.ok ? null : early.refusal).toMatchObject({
      code: 'window_not_open',
      reason: { zh: '专项行动须在最后阶段的最后一天（2026-12-31）起方可结束', en: 'The campaign can be concluded from the last day of its last phase (2026-12-31) on' },
    });
    // Replay is not the decision: a log that concluded early, written before this rule, still replays to concluded.
    const events = [
      { type: 'phase.advance', to: 'survey' },
      { type: 'phase.advance', to: 'crackdown' },
      { type: 'phase.advance', to: 'consolidation' },
      { type: 'phase.advance', to: 'concluded' },
    ].map((e, i) => ({ ...e, window: null, timeZone: 'Asia/Shanghai', unmet: [], meta: { itemId: 1, actor: actors.office, at: local(`2026-0${i + 1}-02T09:00:00`).toISOString(), dueAt: null, campaignConcluded: false } }));
    expect(replayCampaign(events)?.state).toBe('concluded');
  });

  it.each(['leadInScope', 'officerAssigned', 'admin', 'viewer'] as const)('is refused to %s', (name) => {
    const decision = decideAdvance(campaignIn('survey'), actors[name], {}, campaignConfig, [], local('2026-03-10T09:00:00'));
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
  });

  it('is refused with criteria unmet, listing what blocks it', () => {
    const decision = decideAdvance(campaignIn('survey'), actors.office, {}, campaignConfig, unmet, local('2026-03-10T09:00:00'));
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'exit_criteria_unmet', unmet } });
  });

  it('is refused with a reason of invisible characters alone, naming the reason, with criteria met or not', () => {
    for (const unmetNow of [unmet, []]) {
      const decision = decideAdvance(campaignIn('survey'), actors.office, { reason: '\u200b\u200d\u2060' }, campaignConfig, unmetNow, local('2026-03-10T09:00:00'));
      expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'reason', message: { zh: '不能只有看不见的字符' } }] } });
    }
  });

  it('is accepted with criteria unmet when the office writes a reason, which is recorded', () => {
    const decision = decideAdvance(
      campaignIn('survey'),
      actors.office,
      { reason: '市局部署提前转入打击阶段' },
      campaignConfig,
      unmet,
      local('2026-03-10T09:00:00'),
    );
    expect(decision).toMatchObject({
      ok: true,
      state: 'crackdown',
      context: { forcedAdvances: [{ to: 'crackdown', reason: '市局部署提前转入打击阶段', actorId: 1, unmetCount: 1 }] },
      dueAt: '2026-08-31T16:00:00.000Z',
    });
  });

  it('records when each phase was entered, and replays to the same state', () => {
    let campaign = campaignIn('planned');
    const events: unknown[] = [];
    for (const at of ['2026-01-01T08:00:00', '2026-03-02T08:00:00', '2026-09-01T08:00:00', '2026-12-31T18:00:00']) {
      const decision = decideAdvance(campaign, actors.office, {}, campaignConfig, [], local(at));
      if (!decision.ok) throw new Error(decision.refusal.code);
      events.push(JSON.parse(JSON.stringify(decision.event)));
      campaign = { id: 1, state: decision.state, context: decision.context, version: decision.version };
    }
    expect(campaign.state).toBe('concluded');
    expect(campaign.context.phaseEnteredAt).toEqual({
      survey: '2026-01-01T00:00:00.000Z',
      crackdown: '2026-03-02T00:00:00.000Z',
      consolidation: '2026-09-01T00:00:00.000Z',
      concluded: '2026-12-31T10:00:00.000Z',
    });
    expect(replayCampaign(events)).toEqual({ state: 'concluded', context: campaign.context, version: 5 });
  });
});

describe('an overdue campaign', () => {
  it.each([
    ['survey', '2026-03-31T23:59:59', false],
    ['survey', '2026-04-01T00:00:00', true],
    ['crackdown', '2026-09-01T00:00:00', true],
    ['consolidation', '2026-12-31T12:00:00', false],
    ['consolidation', '2027-01-01T00:00:00', true],
    ['planned', '2027-01-01T00:00:00', false],
    ['concluded', '2027-06-01T00:00:00', false],
  ] as const)('in %s at %s (local): %s', (state, at, overdue) => {
    expect(campaignOverdue(state, campaignConfig, local(at))).toBe(overdue);
  });
});
