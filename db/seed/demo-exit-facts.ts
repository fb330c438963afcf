import { isOpenClueState, isOpenProblemState, type ClueRecord, type ExitFacts, type ItemSet, type ProblemRecord } from '../../engine';

type Refs = { kind: 'clue' | 'problem'; id: number }[];

function setOf(refs: Refs): ItemSet {
  return { count: refs.length, sample: refs.slice(0, 50) };
}

/** The exit-criteria facts of the simulated items (the API counts the same facts in SQL), with the escalations open, per level, when the history has them. */
export function countFacts(clues: ReadonlyMap<number, ClueRecord>, problems: ReadonlyMap<number, ProblemRecord>, openEscalations?: Record<1 | 2 | 3, Refs>): ExitFacts {
  const cluesIn: Record<string, { kind: 'clue'; id: number }[]> = {};
  const problemsIn: Record<string, { kind: 'problem'; id: number }[]> = {};
  const unassigned: { kind: 'clue' | 'problem'; id: number }[] = [];
  for (const c of clues.values()) {
    (cluesIn[c.state] ??= []).push({ kind: 'clue', id: c.id });
    if (isOpenClueState(c.state) && c.context.assigneeId === null) unassigned.push({ kind: 'clue', id: c.id });
  }
  for (const p of problems.values()) {
    (problemsIn[p.state] ??= []).push({ kind: 'problem', id: p.id });
    if (isOpenProblemState(p.state) && p.context.assigneeId === null) unassigned.push({ kind: 'problem', id: p.id });
  }
  const none = setOf([]);
  return {
    cluesIn: Object.fromEntries(Object.entries(cluesIn).map(([s, refs]) => [s, setOf(refs)])),
    problemsIn: Object.fromEntries(Object.entries(problemsIn).map(([s, refs]) => [s, setOf(refs)])),
    unassigned: setOf(unassigned),
    // Without the escalations of its history, the server's first sweep raises them at its start.
    openEscalations: openEscalations === undefined ? { 1: none, 2: none, 3: none } : { 1: setOf(openEscalations[1]), 2: setOf(openEscalations[2]), 3: setOf(openEscalations[3]) },
    targets: [],
  };
}
