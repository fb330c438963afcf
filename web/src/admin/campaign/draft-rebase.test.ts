import { describe, expect, it } from 'vitest';
import { rebaseDraft, sameValue } from './draft-rebase';

const saved = { timeLimits: { clue: { found: 3, verifying: 15 } }, escalation: { dueSoonHours: 24 }, nameEn: 'Campaign', phases: [{ id: 'survey', closesOn: '2026-03-31' }] };

describe('a settings draft carried onto settings read anew', () => {
  it('keeps what the user typed and takes what someone else changed elsewhere', () => {
    const draft = { ...saved, timeLimits: { clue: { found: 4, verifying: 15 } } };
    const next = { ...saved, escalation: { dueSoonHours: 30 } };
    expect(rebaseDraft(saved, draft, next)).toEqual({ ...saved, timeLimits: { clue: { found: 4, verifying: 15 } }, escalation: { dueSoonHours: 30 } });
  });

  it('takes the new settings whole when nothing was typed', () => {
    const next = { ...saved, nameEn: 'Campaign 2026' };
    expect(rebaseDraft(saved, structuredClone(saved), next)).toEqual(next);
  });

  it('keeps a list the user changed whole, and a field they emptied', () => {
    const draft = { ...saved, phases: [{ id: 'survey', closesOn: '2026-04-15' }], escalation: {} };
    const next = { ...saved, phases: [{ id: 'survey', closesOn: '2026-03-30' }] };
    expect(rebaseDraft(saved, draft, next)).toEqual({ ...saved, phases: [{ id: 'survey', closesOn: '2026-04-15' }], escalation: {} });
  });

  it('compares objects whatever their keys’ order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});
