import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clueStates, clueEventTypes, type ClueState } from '../clue/clue.model';
import { createClue, decideClue, replayClue, type ClueRecord, type ClueRequest } from '../clue/clue.kind';
import { problemStates, problemEventTypes } from '../problem/problem.model';
import { createProblem, decideProblem, replayProblem, type ProblemRecord, type ProblemRequest } from '../problem/problem.kind';
import { actors, fullPayload, mergeTarget, rectification, rules, zeroOutcome } from '../../test/support/engine-fixtures';

// Mostly people who may move things, so that walks get deep into the machines.
const actorArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(actors.office) },
  { weight: 3, arbitrary: fc.constant(actors.leadInScope) },
  { weight: 3, arbitrary: fc.constant(actors.officerAssigned) },
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(actors)) },
);
const start = new Date('2026-02-01T00:00:00Z');

// Payloads a user might send: complete ones, empty ones, and nonsense.
const anyPayload = fc.oneof(
  fc.constant({}),
  fc.constant({ assigneeId: 7 }),
  fc.constant({ assigneeId: 8 }),
  fc.constant({ assigneeId: null }),
  fc.constant({ caseNumber: 'A-1', conclusion: '属实' }),
  fc.constant({ outcome: zeroOutcome }),
  fc.constant({ outcome: { ...zeroOutcome, arrested: -1 } }),
  fc.constant({ outcome: { ...zeroOutcome, suspectsCaught: 3 } }),
  fc.constant({ sentForProsecution: 2 }),
  fc.constant({ conclusion: '不属实' }),
  fc.constant({ reason: '再次举报' }),
  fc.constant({ targetId: 200 }),
  fc.constant({ sourceId: 55 }),
  fc.constant({ unitId: 'nanzheng', reason: '属地' }),
  fc.constant({ unitId: 'hantai', reason: '回原单位' }),
  fc.constant({ title: '改名' }),
  fc.constant({ rectification }),
  fc.constant({ note: '<script>' }),
  fc.anything(),
);

const mainFlow: Partial<Record<ClueState, ClueState>> = {
  found: 'verifying',
  verifying: 'filed',
  filed: 'solved',
  solved: 'prosecuted',
  unfounded: 'verifying',
};

const clueRequest: fc.Arbitrary<(from: ClueState) => ClueRequest> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constant((from: ClueState) => {
      const to = mainFlow[from] ?? 'found';
      return { to, payload: fullPayload(from, to) };
    }),
  },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...clueStates.filter((s) => s !== 'merged'))
      .map((to) => (from: ClueState) => ({ to, payload: fullPayload(from, to) })),
  },
  { weight: 1, arbitrary: fc.constant(() => ({ to: 'merged' as const, payload: { targetId: 200 } })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...clueStates), anyPayload).map(([to, payload]) => () => ({ to, payload })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...clueEventTypes), anyPayload).map(([event, payload]) => () => ({ event, payload })),
  },
);

const steps = <T>(request: fc.Arbitrary<T>) =>
  fc.array(fc.record({ actor: actorArb, request, hours: fc.integer({ min: 0, max: 24 * 20 }) }), { maxLength: 60 });

describe('random walks of requests by random actors', () => {
  it('keep the clue invariants', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(7, null), steps(clueRequest), (assigneeId, walk) => {
        const created = createClue(
          100,
          { campaignId: 1, unitId: 'hantai', assigneeId, fields: { title: '线索', description: '', categoryId: 1, source: 'other' } },
          actors.office,
          rules,
          start,
        );
        if (!created.ok) throw new Error('creation refused');
        let clue: ClueRecord = created.record;
        // Creation reaches the first state; a move back to it is rare enough that 600 walks sometimes make none.
        reached.add(clue.state);
        const log: unknown[] = [created.event];
        let now = start;
        for (const step of walk) {
          now = new Date(now.getTime() + step.hours * 3_600_000);
          const decision = decideClue(clue, step.actor, step.request(clue.state), rules, now, { mergeTarget });
          if (!decision.ok) continue;
          // No move out of a final state.
          expect(['merged']).not.toContain(clue.state);
          if (clue.state === 'prosecuted') expect(decision.state).toBe('prosecuted');
          // Exactly one version and one audit event per accepted move.
          expect(decision.version).toBe(clue.version + 1);
          log.push(JSON.parse(JSON.stringify(decision.event)));
          clue = { id: clue.id, state: decision.state, context: decision.context, version: decision.version };
          expect(log.length).toBe(clue.version);
          reached.add(clue.state);
          // No more sent for prosecution than the suspects caught when solved.
          if (clue.state === 'prosecuted') expect(clue.context.sentForProsecution).toBeLessThanOrEqual(clue.context.outcome?.suspectsCaught ?? 0);
        }
        expect(replayClue(log)).toEqual({ ok: true, state: clue.state, context: clue.context, version: clue.version });
      }),
      { numRuns: 600 },
    );
    // The walks must actually explore the machine, or the invariants prove little.
    expect([...reached].sort()).toEqual([...clueStates].sort());
  });

  it('keep the problem invariants', () => {
    const reached = new Set<string>();
    const problemRequest: fc.Arbitrary<ProblemRequest> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ to: 'rectifying' as const, payload: { assigneeId: 7 } }) },
      { weight: 3, arbitrary: fc.constant({ to: 'rectified' as const, payload: { rectification } }) },
      { weight: 2, arbitrary: fc.constant({ to: 'rectifying' as const, payload: { reason: '验收不通过' } }) },
      { weight: 1, arbitrary: fc.constant({ to: 'verified' as const, payload: {} }) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...problemStates), anyPayload).map(([to, payload]) => ({ to, payload })) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom(...problemEventTypes), anyPayload).map(([event, payload]) => ({ event, payload })),
      },
    );
    fc.assert(
      fc.property(steps(problemRequest), (walk) => {
        const created = createProblem(
          300,
          { campaignId: 1, unitId: 'hantai', assigneeId: null, fields: { title: '网站', description: '', categoryId: null, problemKind: 'website' } },
          actors.office,
          rules,
          start,
        );
        if (!created.ok) throw new Error('creation refused');
        let problem: ProblemRecord = created.record;
        reached.add(problem.state);
        const log: unknown[] = [created.event];
        let now = start;
        for (const step of walk) {
          now = new Date(now.getTime() + step.hours * 3_600_000);
          const decision = decideProblem(problem, step.actor, step.request, rules, now);
          if (!decision.ok) continue;
          expect(problem.state).not.toBe('verified');
          expect(decision.version).toBe(problem.version + 1);
          log.push(JSON.parse(JSON.stringify(decision.event)));
          problem = { id: problem.id, state: decision.state, context: decision.context, version: decision.version };
          reached.add(problem.state);
        }
        expect(replayProblem(log)).toEqual({ ok: true, state: problem.state, context: problem.context, version: problem.version });
      }),
      { numRuns: 600 },
    );
    expect([...reached].sort()).toEqual([...problemStates].sort());
  });
});
