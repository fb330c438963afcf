import { describe, expect, it } from 'vitest';
import { askedUntil, extendedUntil, extensionsInState } from './extension-history';

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
