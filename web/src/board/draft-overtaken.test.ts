import { describe, expect, it } from 'vitest';
import type { Change } from '../live/live-events';
import { overtakesDraft } from './draft-overtaken';
import { testCard } from './test-card';

const change = (over: Partial<Change>): Change => ({
  seq: 90,
  at: '2026-06-15T02:00:00.000Z',
  campaignId: 1,
  subject: 'clue',
  subjectId: 7,
  event: 'clue.edit',
  fromState: 'verifying',
  toState: 'verifying',
  version: 5,
  unitId: 'hantai',
  formerUnitId: null,
  ...over,
});

describe("an open move dialog's card changed by someone else", () => {
  const draft = { card: testCard(7, { version: 4, state: 'verifying' }) };

  it("is told of a newer change to its own card, a move or an edit", () => {
    expect(overtakesDraft(draft, change({}))).toBe(true);
    expect(overtakesDraft(draft, change({ event: 'clue.file', toState: 'filed' }))).toBe(true);
  });

  it('is not told of a work note, of a change it already has, or of another card', () => {
    expect(overtakesDraft(draft, change({ event: 'clue.note' }))).toBe(false);
    expect(overtakesDraft(draft, change({ version: 4 }))).toBe(false);
    expect(overtakesDraft(draft, change({ subjectId: 8 }))).toBe(false);
    // A problem of the same number is another item.
    expect(overtakesDraft(draft, change({ subject: 'problem', event: 'problem.edit' }))).toBe(false);
  });
});
