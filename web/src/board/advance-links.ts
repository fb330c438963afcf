import { exitCriterionSchema } from '../../../engine/campaign/exit-criteria';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import { problemStateLabels } from '../../../engine/problem/problem.labels';
import type { Label } from '../../../engine/labels';

/** A page where the office sees what holds an exit criterion back, and what the link to it says. */
export interface BlockingLink {
  readonly href: string;
  readonly label: Label;
}

const fill = (label: Label, state: Label): Label => ({ zh: label.zh.replace('{state}', state.zh), en: label.en.replace('{state}', state.en) });

const seeClues: Label = { zh: '查看“{state}”的线索', en: 'See the clues in {state}' };
const seeProblems: Label = { zh: '查看“{state}”的问题', en: 'See the problems in {state}' };
const seeUnassigned: Label = { zh: '查看未指定承办人的事项', en: 'See the items without an assignee' };
const seeEscalated: Label = { zh: '查看被督办的线索', en: 'See the escalated clues' };
const seeTargets: Label = { zh: '查看各单位目标完成情况', en: "See the units' targets" };

/**
 * Where each unmet exit criterion's blocking items are listed, so that the office can put them right before it
 * advances: the lists filtered to the state, the responsibility list's unassigned items, the board's escalated cards,
 * the battle map's targets. The dialog gave a count alone. None for a criterion this page does not know.
 */
export function blockingLinks(campaignId: number, criterion: unknown): BlockingLink[] {
  const parsed = exitCriterionSchema.safeParse(criterion);
  if (!parsed.success) return [];
  const base = `/campaigns/${campaignId}`;
  const c = parsed.data;
  switch (c.kind) {
    case 'noCluesIn':
      return c.states.map((state) => ({ href: `${base}/lists/clues?state=${state}`, label: fill(seeClues, clueStateLabels[state]) }));
    case 'noProblemsIn':
      return c.states.map((state) => ({ href: `${base}/lists/problems?state=${state}`, label: fill(seeProblems, problemStateLabels[state]) }));
    case 'responsibilityComplete':
      return [{ href: `${base}/lists/responsibility?assignee=none`, label: seeUnassigned }];
    case 'noOpenEscalations':
      return [{ href: `${base}/board?escalated=true`, label: seeEscalated }];
    case 'unitTargetsMet':
      return [{ href: `${base}/battle-map`, label: seeTargets }];
  }
}
