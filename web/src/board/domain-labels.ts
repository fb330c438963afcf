import type { Label } from '../../../engine/labels';
import { clueEventLabels, clueCreateLabel, clueSourceLabels, clueStateLabels } from '../../../engine/clue/clue.labels';
import { problemCreateLabel, problemEventLabels, problemKindLabels, problemStateLabels } from '../../../engine/problem/problem.labels';
import { refusalLabels } from '../../../engine/refusals';
import type { ItemKind } from '../api/client';

const stateLabels: Record<ItemKind, Record<string, Label>> = { clue: clueStateLabels, problem: problemStateLabels };
/** An item's history reads its escalations' entries too (see api/services/item-history.ts). */
const escalationEventLabels: Record<string, Label> = {
  'escalation.raise': { zh: '督办发出', en: 'Escalated' },
  'escalation.reroute': { zh: '督办转交', en: 'Escalation passed on' },
  'escalation.acknowledge': { zh: '督办签收', en: 'Escalation acknowledged' },
  'escalation.resolve': { zh: '督办解除', en: 'Escalation resolved' },
};
const eventLabels: Record<string, Label> = { ...clueEventLabels, ...problemEventLabels, ...escalationEventLabels, 'clue.create': clueCreateLabel, 'problem.create': problemCreateLabel };

/** A state's name on the board of a kind, or the raw name if the engine has none. */
export function stateLabel(kind: ItemKind, state: string): Label {
  return stateLabels[kind][state] ?? { zh: state, en: state };
}

export function eventLabel(event: string): Label {
  return eventLabels[event] ?? { zh: event, en: event };
}

export function sourceLabel(source: string): Label {
  return (clueSourceLabels as Record<string, Label>)[source] ?? { zh: source, en: source };
}

export function problemKindLabel(kind: string): Label {
  return (problemKindLabels as Record<string, Label>)[kind] ?? { zh: kind, en: kind };
}

export function refusalLabel(code: string): Label | undefined {
  return (refusalLabels as Record<string, Label>)[code];
}

/** Escalation levels: 0 on time, 1 due soon, 2 overdue, 3 long overdue. */
export const levelLabels: readonly Label[] = [
  { zh: '按期', en: 'On time' },
  { zh: '临期', en: 'Due soon' },
  { zh: '超期', en: 'Overdue' },
  { zh: '严重超期', en: 'Long overdue' },
];
