import { describe, expect, it } from 'vitest';
import { replayFailureLabel } from './replay-failure';

describe("the verifier's words for a log that does not replay", () => {
  it('names a log whose first event creates nothing, by what the first event should have been', () => {
    expect(replayFailureLabel('clue', { ok: false, why: 'not-created', index: 0 })).toEqual({
      zh: '回放失败：第一个事件不是「登记线索」',
      en: 'replay failed: its first event is not "Clue recorded"',
    });
    expect(replayFailureLabel('problem', { ok: false, why: 'not-created', index: 0 }).zh).toBe('回放失败：第一个事件不是「登记问题」');
  });

  it('names a refused event by its place in the log (the create event first), its name and the state reached, in both languages', () => {
    expect(replayFailureLabel('clue', { ok: false, why: 'refused', index: 1, state: 'found', event: 'clue.file' })).toEqual({
      zh: '回放失败：第 2 个事件「立案侦查」在「新发现」状态下不被接受',
      en: 'replay failed: its event 2 ("File a case") is not accepted in the state "Found"',
    });
    expect(replayFailureLabel('problem', { ok: false, why: 'refused', index: 3, state: 'verified', event: 'problem.rectify' }).zh).toBe(
      '回放失败：第 4 个事件「开始整改」在「已销号」状态下不被接受',
    );
  });

  it("keeps the machine's own error for an event it could not evaluate, and the log's word for an event type it does not know", () => {
    expect(replayFailureLabel('clue', { ok: false, why: 'unreadable', index: 1, state: 'found', event: 'clue.verify', error: "Cannot read properties of undefined (reading 'at')" })).toEqual({
      zh: "回放失败：第 2 个事件「开始核查」在「新发现」状态下无法求值（Cannot read properties of undefined (reading 'at')）",
      en: `replay failed: its event 2 ("Start verifying") cannot be evaluated in the state "Found" (Cannot read properties of undefined (reading 'at'))`,
    });
    expect(replayFailureLabel('clue', { ok: false, why: 'refused', index: 5, state: 'filed', event: 'clue.teleport' }).en).toBe(
      'replay failed: its event 6 ("clue.teleport") is not accepted in the state "Case filed"',
    );
  });
});
