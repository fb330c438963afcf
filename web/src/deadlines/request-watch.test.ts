import { describe, expect, it } from 'vitest';
import type { Change } from '../live/live-events';
import { requestKey, touchesRequests } from './request-watch';

const change = (over: Partial<Change>): Change => ({
  seq: 1,
  at: '2026-06-15T02:00:00.000Z',
  campaignId: 1,
  subject: 'clue',
  subjectId: 7,
  event: 'clue.file',
  fromState: 'verifying',
  toState: 'filed',
  version: 3,
  unitId: 'hantai',
  formerUnitId: null,
  ...over,
});

describe('which changes the waiting requests are read again for', () => {
  const waiting = new Set([requestKey('clue', 7)]);
  it('reads again when a request is asked, granted or declined, on any item', () => {
    for (const event of ['clue.requestExtension', 'clue.extend', 'clue.declineExtension', 'problem.requestExtension']) {
      expect(touchesRequests(change({ event, subjectId: 99, fromState: 'filed', toState: 'filed', subject: event.startsWith('problem') ? 'problem' : 'clue' }), waiting)).toBe(true);
    }
  });
  it('reads again when an item with a request moves on, not when another does or when it only gets a note', () => {
    expect(touchesRequests(change({}), waiting)).toBe(true);
    expect(touchesRequests(change({ subjectId: 8 }), waiting)).toBe(false);
    expect(touchesRequests(change({ event: 'clue.note', fromState: 'filed', toState: 'filed' }), waiting)).toBe(false);
    expect(touchesRequests(change({ subject: 'problem' }), waiting)).toBe(false);
  });
  it('ignores escalations and the campaign', () => {
    expect(touchesRequests(change({ subject: 'escalation', event: 'escalation.raise' }), waiting)).toBe(false);
    expect(touchesRequests(change({ subject: 'campaign', event: 'campaign.extend' }), waiting)).toBe(false);
  });
});
