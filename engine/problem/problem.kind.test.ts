import { describe, expect, it } from 'vitest';
import { problemStates, type ProblemState } from './problem.model';
import { allowedProblemMoves, createProblem, decideProblem, replayProblem } from './problem.kind';
import { actors, concludedRules, now, problemIn, rectification, rules, type ActorName } from '../../test/support/engine-fixtures';

const legal: Partial<Record<`${ProblemState}→${ProblemState}`, 'mover' | 'office'>> = {
  'identified→rectifying': 'mover',
  'rectifying→rectified': 'mover',
  'rectified→verified': 'office',
  'rectified→rectifying': 'office',
};

const verdicts: Record<'mover' | 'office', Record<ActorName, string>> = {
  mover: {
    office: 'ok',
    leadInScope: 'ok',
    leadAbove: 'ok',
    leadOutOfScope: 'out_of_scope',
    officerAssigned: 'ok',
    officerNotAssigned: 'not_assignee',
    officerOtherUnit: 'out_of_scope',
    admin: 'role_forbidden',
    viewer: 'role_forbidden',
  },
  office: {
    office: 'ok',
    leadInScope: 'role_forbidden',
    leadAbove: 'role_forbidden',
    leadOutOfScope: 'role_forbidden',
    officerAssigned: 'role_forbidden',
    officerNotAssigned: 'role_forbidden',
    officerOtherUnit: 'role_forbidden',
    admin: 'role_forbidden',
    viewer: 'role_forbidden',
  },
};

function payloadFor(from: ProblemState, to: ProblemState): Record<string, unknown> {
  if (to === 'rectified') return { rectification };
  if (from === 'rectified' && to === 'rectifying') return { reason: '网站仍可访问' };
  return {};
}

const cases = problemStates.flatMap((from) =>
  problemStates
    .filter((to) => to !== from)
    .flatMap((to) =>
      (Object.keys(actors) as ActorName[]).map((actor) => {
        const rule = legal[`${from}→${to}`];
        const expected = rule ? verdicts[rule][actor] : from === 'verified' ? 'item_closed' : 'move_not_allowed';
        return { from, to, actor, expected };
      }),
    ),
);

describe('every (state, target) pair of the problem machine, for every kind of actor', () => {
  it.each(cases)('$from → $to by $actor: $expected', ({ from, to, actor, expected }) => {
    const decision = decideProblem(problemIn(from), actors[actor], { to, payload: payloadFor(from, to) }, rules, now);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
    if (decision.ok) expect(decision).toMatchObject({ state: to, version: 3 });
  });

  it.each(Object.keys(legal))('%s is refused once the campaign has concluded', (pair) => {
    const [from, to] = pair.split('→') as [ProblemState, ProblemState];
    const decision = decideProblem(problemIn(from), actors.office, { to, payload: payloadFor(from, to) }, concludedRules, now);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe('campaign_concluded');
  });
});

describe('the rules of rectification', () => {
  it('needs an assignee to start rectifying', () => {
    const unassigned = problemIn('identified', { assigneeId: null });
    expect(decideProblem(unassigned, actors.leadInScope, { to: 'rectifying' }, rules, now)).toMatchObject({
      ok: false,
      refusal: { code: 'payload_missing', fields: [{ field: 'assigneeId' }] },
    });
    expect(decideProblem(unassigned, actors.leadInScope, { to: 'rectifying', payload: { assigneeId: 8 } }, rules, now)).toMatchObject({
      ok: true,
      context: { assigneeId: 8, dueAt: '2026-05-10T16:00:00.000Z' },
    });
  });

  it('needs what was done and its figures to be rectified, zeros allowed', () => {
    const problem = problemIn('rectifying');
    expect(decideProblem(problem, actors.officerAssigned, { to: 'rectified', payload: {} }, rules, now)).toMatchObject({
      ok: false,
      refusal: { code: 'payload_missing', fields: [{ field: 'rectification' }] },
    });
    const negative = { ...rectification, websitesShutDown: -1 };
    expect(decideProblem(problem, actors.officerAssigned, { to: 'rectified', payload: { rectification: negative } }, rules, now)).toMatchObject({
      ok: false,
      refusal: { code: 'payload_invalid', fields: [{ field: 'rectification.websitesShutDown' }] },
    });
    // Measures of invisible characters alone (zero-width spaces, a word joiner) are no account of what was done.
    for (const measures of ['   ', '\u200b\u200b', '\u2060\ufeff']) {
      expect(decideProblem(problem, actors.officerAssigned, { to: 'rectified', payload: { rectification: { ...rectification, measures } } }, rules, now)).toMatchObject({
        ok: false,
        refusal: { code: 'payload_invalid', fields: [{ field: 'rectification.measures' }] },
      });
    }
    const zeros = { measures: '约谈', websitesShutDown: 0, accountsClosed: 0 };
    expect(decideProblem(problem, actors.officerAssigned, { to: 'rectified', payload: { rectification: zeros } }, rules, now)).toMatchObject({
      ok: true,
      context: { rectification: zeros },
    });
  });

  it('sends a failed check back to rectifying with its reason, and clears it on the next rectification', () => {
    const rejected = decideProblem(problemIn('rectified', { rectification }), actors.office, { to: 'rectifying', payload: { reason: '仍可访问' } }, rules, now);
    expect(rejected).toMatchObject({ ok: true, state: 'rectifying', context: { rejection: '仍可访问' } });
    if (!rejected.ok) return;
    const again = decideProblem(
      { id: 300, state: rejected.state, context: rejected.context, version: rejected.version },
      actors.officerAssigned,
      { to: 'rectified', payload: { rectification } },
      rules,
      now,
    );
    expect(again).toMatchObject({ ok: true, context: { rejection: null } });
  });

  it('offers the office the check, and no one else', () => {
    expect(allowedProblemMoves(problemIn('rectified'), actors.office, false).map((m) => m.to)).toEqual(['verified', 'rectifying']);
    expect(allowedProblemMoves(problemIn('rectified'), actors.leadInScope, false)).toEqual([]);
  });

  it('offers a note with the check (验收意见), needing nothing: 销号 closes the problem for good and is confirmed in a dialog', () => {
    const [verify, reject] = allowedProblemMoves(problemIn('rectified'), actors.office, false);
    expect(verify).toEqual({ to: 'verified', event: 'problem.verify', needs: [], offers: ['note'] });
    expect(reject).toMatchObject({ to: 'rectifying', needs: ['reason'], offers: [] });
  });

  it('creates, moves and replays to the same state and context', () => {
    const created = createProblem(
      300,
      { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields: { title: '网站', description: '', categoryId: 5, problemKind: 'website' } },
      actors.leadInScope,
      rules,
      now,
    );
    if (!created.ok) throw new Error('not created');
    const started = decideProblem(created.record, actors.officerAssigned, { to: 'rectifying' }, rules, now);
    if (!started.ok) throw new Error('not started');
    const replayed = replayProblem(JSON.parse(JSON.stringify([created.event, started.event])));
    expect(replayed).toEqual({ ok: true, state: 'rectifying', context: started.context, version: 2 });
  });
});

describe('work notes', () => {
  it('records a note in every open state, changing nothing but when the last note was written', () => {
    for (const state of problemStates.filter((s) => s !== 'verified')) {
      const problem = problemIn(state);
      const decision = decideProblem(problem, actors.officerAssigned, { event: 'problem.note', payload: { text: '已约谈网站负责人' } }, rules, now);
      expect(decision, state).toMatchObject({ ok: true, from: state, to: state, context: { ...problem.context, lastNoteAt: now.toISOString() }, version: problem.version + 1 });
    }
    expect(decideProblem(problemIn('verified'), actors.office, { event: 'problem.note', payload: { text: 'x' } }, rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
    expect(decideProblem(problemIn('rectifying'), actors.officerNotAssigned, { event: 'problem.note', payload: { text: 'x' } }, rules, now)).toMatchObject({ ok: false, refusal: { code: 'not_assignee' } });
  });
});
