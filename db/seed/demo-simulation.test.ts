import { describe, expect, it } from 'vitest';
import type { Actor } from '../../engine';
import { demoCampaignConfig, demoCategories } from './demo-campaign';
import { simulateCampaign, type SimulationInput } from './demo-simulation';
import { demoUnits } from './demo-units';
import { seededRandom } from './random';

const now = new Date('2026-06-15T02:00:00.000Z');
const counties = demoUnits.filter((u) => u.kind === 'county').map((u) => u.id);
const config = demoCampaignConfig(2026, counties);
// Each unit's lead and officer with ids of their own; the office is user 1.
const units = demoUnits
  .filter((u) => u.kind !== 'office')
  .map((u, i): SimulationInput['units'][number] => ({
    id: u.id,
    weight: u.kind === 'county' ? 3 : 2,
    lead: { userId: 100 + 2 * i, role: 'lead', unitScope: [u.id] },
    officer: { userId: 101 + 2 * i, role: 'officer', unitScope: [u.id] },
  }));
const office: Actor = { userId: 1, role: 'office', unitScope: [] };

const simulate = (notes: boolean) =>
  simulateCampaign({
    campaignId: 1,
    config,
    now,
    random: seededRandom(2026),
    clues: 300,
    problems: 30,
    units,
    office,
    categories: demoCategories.map((c, i) => ({ id: i + 1, code: c.code })),
    ...(notes && { notes: seededRandom(2026 ^ 0x6e6f7465) }),
  });

describe('the demo campaign’s work notes', () => {
  const without = simulate(false);
  const withNotes = simulate(true);
  const notes = withNotes.audit.filter((e) => e.event.endsWith('.note'));

  it('leaves every item on the path it takes without them: the same moves, at the same times, to the same states', () => {
    // Neither the notes nor the typical cases chosen (the same side stream) change a state or a field the moves read.
    const moves = (audit: typeof without.audit) => audit.filter((e) => !e.event.endsWith('.note') && e.event !== 'clue.markTypical').map(({ version: _version, ...entry }) => entry);
    expect(moves(withNotes.audit)).toEqual(moves(without.audit));
    expect(withNotes.clues.map((c) => [c.id, c.state])).toEqual(without.clues.map((c) => [c.id, c.state]));
    expect(withNotes.problems.map((p) => [p.id, p.state])).toEqual(without.problems.map((p) => [p.id, p.state]));
  });

  it('writes notes on clues and problems, in open states only, by the assignee or else the unit’s lead, and each item remembers its last', () => {
    expect(notes.filter((e) => e.subject === 'clue').length).toBeGreaterThan(100);
    expect(notes.filter((e) => e.subject === 'problem').length).toBeGreaterThan(5);
    for (const note of notes) {
      expect(['verified', 'prosecuted', 'unfounded', 'merged']).not.toContain(note.fromState);
      expect(note.fromState).toBe(note.toState);
      const unit = units.find((u) => u.id === note.unitId);
      expect([unit?.lead.userId, unit?.officer.userId]).toContain(note.actorId);
    }
    for (const item of [...withNotes.clues, ...withNotes.problems]) {
      const kind = 'source' in item.context ? 'clue' : 'problem';
      const last = notes.filter((e) => e.subject === kind && e.subjectId === item.id).at(-1);
      expect(item.context.lastNoteAt, `${kind} ${item.id}`).toBe(last?.at);
    }
    // Some open items have gone quiet (no note and no move for weeks), as in a real campaign.
    const quiet = withNotes.clues.filter((c) => ['verifying', 'filed', 'solved'].includes(c.state) && (c.context.lastNoteAt ?? c.context.enteredAt) < '2026-05-15');
    expect(quiet.length).toBeGreaterThan(0);
  });

  it('chooses some solved cases to publicise, each by its unit’s lead, with a summary the clue keeps', () => {
    const chosen = withNotes.audit.filter((e) => e.event === 'clue.markTypical');
    expect(chosen.length).toBeGreaterThan(3);
    for (const entry of chosen) {
      expect(['solved', 'prosecuted']).toContain(entry.fromState);
      expect(units.find((u) => u.id === entry.unitId)?.lead.userId).toBe(entry.actorId);
      const clue = withNotes.clues.find((c) => c.id === entry.subjectId);
      expect(clue?.context.typical?.summary).toBe((entry.payload as { summary: string }).summary);
    }
  });
});
