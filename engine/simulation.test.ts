import { describe, expect, it } from 'vitest';
import { actors, campaignConfig, rules } from '../test/support/engine-fixtures';
import { campaignOverdue, decideAdvance, newCampaignContext, type CampaignRecord } from './campaign/campaign.kind';
import { createClue, decideClue, type ClueRecord } from './clue/clue.kind';
import { escalationLevel } from './deadlines/escalation-level';

const local = (iso: string) => new Date(`${iso}+08:00`);
const hour = 3_600_000;

/**
 * A whole campaign year under a fake clock, an hour at a time: the office
 * advances phases as windows open (but leaves the survey late), a clue
 * climbs the escalation ladder and drops back when it moves on.
 */
describe('a simulated campaign year', () => {
  it('advances phases, flags a closed window, and raises each rung at its instant', () => {
    let campaign: CampaignRecord = { id: 1, state: 'planned', context: newCampaignContext, version: 1 };
    // Held in an object: the plan's closures replace it.
    const held: { clue: ClueRecord | null } = { clue: null };
    const rungReached = new Map<string, string>();
    const overdueFrom = new Map<string, string>();
    let previousLevel = 0;

    const plan: Record<string, () => void> = {
      '2026-01-05T10:00:00': () => {
        const created = createClue(1, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields: { title: '套路贷', description: '', categoryId: 1, source: 'platform110' } }, actors.officerAssigned, rules, local('2026-01-05T10:00:00'));
        if (!created.ok) throw new Error('not created');
        held.clue = created.record;
      },
      '2026-01-20T10:00:00': () => {
        if (held.clue === null) throw new Error('no clue');
        const decision = decideClue(held.clue, actors.officerAssigned, { to: 'verifying' }, rules, local('2026-01-20T10:00:00'));
        if (!decision.ok) throw new Error(decision.refusal.code);
        held.clue = { id: 1, state: decision.state, context: decision.context, version: decision.version };
      },
    };

    for (let t = local('2025-12-31T00:00:00').getTime(); t <= local('2027-01-02T00:00:00').getTime(); t += hour) {
      const now = new Date(t);
      const wall = new Date(t + 8 * hour).toISOString().slice(0, 19);
      plan[wall]?.();

      // The office advances at the first midnight a window is open, except that it leaves the survey three days
      // late; it concludes on the last evening of the year.
      const lateSurvey = campaign.state === 'survey' && t < local('2026-04-03T09:00:00').getTime();
      const early = campaign.state === 'consolidation' && wall !== '2026-12-31T18:00:00';
      if (!lateSurvey && !early && (wall.endsWith('T00:00:00') || wall.endsWith('T09:00:00') || wall.endsWith('T18:00:00'))) {
        const decision = decideAdvance(campaign, actors.office, {}, campaignConfig, [], now);
        if (decision.ok) campaign = { id: 1, state: decision.state, context: decision.context, version: decision.version };
      }
      if (campaignOverdue(campaign.state, campaignConfig, now) && !overdueFrom.has(campaign.state)) {
        overdueFrom.set(campaign.state, wall);
      }

      const current = held.clue;
      if (current !== null) {
        const level = escalationLevel(current.context.dueAt === null ? null : new Date(current.context.dueAt), now, rules.escalation);
        if (level !== previousLevel) rungReached.set(`${current.state}:${level}`, wall);
        previousLevel = level;
      }
    }

    expect(campaign.context.phaseEnteredAt).toEqual({
      survey: local('2026-01-01T00:00:00').toISOString(),
      crackdown: local('2026-04-03T09:00:00').toISOString(),
      consolidation: local('2026-09-01T00:00:00').toISOString(),
      concluded: local('2026-12-31T18:00:00').toISOString(),
    });
    // Overdue from the first instant after 31 March, local time, until the office advanced.
    expect(overdueFrom).toEqual(new Map([['survey', '2026-04-01T00:00:00']]));

    // Found on 5 January with three days: due at the end of 8 January.
    expect(Object.fromEntries(rungReached)).toEqual({
      'found:1': '2026-01-08T00:00:00',
      'found:2': '2026-01-09T00:00:00',
      'found:3': '2026-01-16T00:00:00',
      // Verifying from 20 January with fifteen days: back on time, then due soon on 4 February.
      'verifying:0': '2026-01-20T10:00:00',
      'verifying:1': '2026-02-04T00:00:00',
      'verifying:2': '2026-02-05T00:00:00',
      'verifying:3': '2026-02-12T00:00:00',
    });
  });
});
