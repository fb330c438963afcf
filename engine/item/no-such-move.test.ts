import { describe, expect, it } from 'vitest';
import { decideClue } from '../clue/clue.kind';
import { decideProblem } from '../problem/problem.kind';
import { actors, clueIn, now, problemIn, rules } from '../../test/support/engine-fixtures';

describe('a move the machine does not have', () => {
  it('is refused naming both columns and the steps the clue can take next, in both languages', () => {
    const decision = decideClue(clueIn('found'), actors.office, { to: 'solved', payload: {} }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
    if (decision.ok) return;
    expect(decision.refusal.reason.zh).toBe('不能从“新发现”直接移到“已破案”；下一步可以是“核查中”、“已并案”');
    expect(decision.refusal.reason.en).toBe('Cannot move from “Found” straight to “Solved”; the next step can be “Verifying”, “Merged”');
  });

  it('names a problem’s columns from the problem’s own labels', () => {
    const decision = decideProblem(problemIn('identified'), actors.office, { to: 'verified', payload: {} }, rules, now);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal.reason.zh).toBe('不能从“待整改”直接移到“已销号”；下一步可以是“整改中”');
  });

  it('says that a state the request made up is none, naming the states there are', () => {
    for (const to of ['nowhere', 'FILED', '__proto__', 'constructor', 'toString']) {
      const decision = decideClue(clueIn('verifying'), actors.office, { to: to as 'solved', payload: {} }, rules, now);
      expect(decision).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
      if (decision.ok) return;
      expect(decision.refusal.reason.en).toBe(`No such state: “${to}” (one of found, verifying, filed, solved, prosecuted, unfounded, merged)`);
      expect(decision.refusal.reason.zh).toContain(`没有这个状态：“${to}”`);
    }
  });
});
