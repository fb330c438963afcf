import { describe, expect, test } from 'vitest';
import type { Change } from './live-events';
import { overtakes } from './overtakes';

const change = (event: string, version: number): Change => ({
  seq: 90,
  at: '2026-06-15T02:00:00.000Z',
  campaignId: 1,
  subject: 'clue',
  subjectId: 7,
  event,
  fromState: 'verifying',
  toState: event === 'clue.file' ? 'filed' : 'verifying',
  version,
  unitId: 'hantai',
  formerUnitId: null,
});

describe('overtakes', () => {
  test('a move, an edit or an assignment after the version seen makes a prepared move stale', () => {
    for (const event of ['clue.file', 'clue.edit', 'clue.assign']) expect(overtakes(change(event, 5), 4)).toBe(true);
  });

  test('a work note does not: the server takes a move prepared before it', () => {
    expect(overtakes(change('clue.note', 5), 4)).toBe(false);
    expect(overtakes(change('problem.note', 9), 4)).toBe(false);
  });

  test('a change the dialog already shows (its version or older) does not', () => {
    expect(overtakes(change('clue.file', 4), 4)).toBe(false);
    expect(overtakes(change('clue.edit', 3), 4)).toBe(false);
  });
});
