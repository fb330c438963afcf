import { describe, expect, it } from 'vitest';
import { askedUntil, declinedDays, extendedUntil, extensionsInState, standingRefusal } from './extension-history';

const entry = (event: string, fromState: string | null, toState: string | null, payload: Record<string, unknown> = {}) => ({ event, fromState, toState, payload });

describe('the extensions in an item’s history', () => {
  it('name the day each gave', () => {
    expect(extendedUntil(entry('clue.extend', 'found', 'found', { until: '2026-06-30', reason: 'r' }))).toBe('2026-06-30');
    expect(extendedUntil(entry('clue.note', 'found', 'found', { text: 'x' }))).toBeNull();
    expect(askedUntil(entry('clue.requestExtension', 'found', 'found', { until: '2026-07-01', reason: 'r' }))).toBe('2026-07-01');
    expect(extendedUntil(entry('clue.requestExtension', 'found', 'found', { until: '2026-07-01', reason: 'r' }))).toBeNull();
  });

  it('count those of the state it is in now, not of a state it left', () => {
    const history = [
      entry('clue.create', null, 'found'),
      entry('clue.extend', 'found', 'found', { until: '2026-06-30' }),
      entry('clue.verify', 'found', 'verifying'),
      entry('clue.extend', 'verifying', 'verifying', { until: '2026-07-30' }),
      entry('clue.requestExtension', 'verifying', 'verifying', { until: '2026-09-30' }),
      entry('clue.declineExtension', 'verifying', 'verifying', { reason: 'x' }),
      entry('clue.note', 'verifying', 'verifying', { text: 'x' }),
      entry('clue.extend', 'verifying', 'verifying', { until: '2026-08-30' }),
    ];
    expect(extensionsInState(history)).toBe(2);
    expect(extensionsInState(history.slice(0, 3))).toBe(0);
  });
});

describe('a refusal of more time in the history', () => {
  it('names the day the request before it asked, not one an extension or an earlier refusal settled', () => {
    const at = (seq: number, event: string, payload: Record<string, unknown> = {}) => ({ seq, event, payload });
    const history = [
      at(1, 'clue.requestExtension', { until: '2026-06-30', reason: 'r' }),
      at(2, 'clue.declineExtension', { reason: '理由不足' }),
      at(3, 'clue.requestExtension', { until: '2026-07-10', reason: 'r' }),
      // Asked again before an answer: the later day is the one refused.
      at(4, 'clue.requestExtension', { until: '2026-07-20', reason: 'r' }),
      at(5, 'clue.note', { text: 'x' }),
      at(6, 'clue.declineExtension', { reason: 'r' }),
      at(7, 'clue.requestExtension', { until: '2026-08-01', reason: 'r' }),
      at(8, 'clue.extend', { until: '2026-08-01', reason: 'r' }),
      // A refusal with no request waiting before it (as stored by an older version): nothing to name.
      at(9, 'clue.declineExtension', { reason: 'r' }),
    ];
    expect([...declinedDays(history)]).toEqual([
      [2, '2026-06-30'],
      [6, '2026-07-20'],
    ]);
  });
});

describe('a refusal of more time beside the deadline', () => {
  const at = (seq: number, event: string, payload: Record<string, unknown> = {}, states: [string, string] = ['verifying', 'verifying']) => ({
    seq,
    event,
    payload,
    fromState: states[0],
    toState: states[1],
    actorName: '专项办值班员',
  });
  const asked = at(1, 'clue.requestExtension', { until: '2026-06-30', reason: '待回函' });
  const refused = at(2, 'clue.declineExtension', { reason: '请先完成已有工作' });

  it('stands, with the day refused, its reason and who refused, until something answers it otherwise', () => {
    expect(standingRefusal([asked, refused, at(3, 'clue.note', { text: 'x' })])).toEqual({ until: '2026-06-30', reason: '请先完成已有工作', by: '专项办值班员' });
  });

  it('goes once asked again, extended, or moved to another state', () => {
    expect(standingRefusal([asked, refused, at(3, 'clue.requestExtension', { until: '2026-07-05', reason: 'r' })])).toBeNull();
    expect(standingRefusal([asked, refused, at(3, 'clue.extend', { until: '2026-07-05', reason: 'r' })])).toBeNull();
    expect(standingRefusal([asked, refused, at(3, 'clue.file', {}, ['verifying', 'filed'])])).toBeNull();
    expect(standingRefusal([asked])).toBeNull();
  });
});
