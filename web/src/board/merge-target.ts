import { mergedBackLabel, mergeRefusalLabels } from '../../../engine/clue/merge.labels';
import { quotedZh, type Label } from '../../../engine/labels';
import type { ItemDetail } from '../api/client';
import { ApiProblem } from '../api/problem';
import { stateLabel } from './domain-labels';

/**
 * What a merge says of the clue number typed into it, before anything is sent (the drawer's merge form, the move
 * dialog's, a batch's): the clue it names (number, title, unit and state), or why the clues merged cannot go into it. A merge cannot be undone, and a
 * mistyped number named another clue of the same unit as readily as the right one. The reasons are the engine's own
 * (see merge.labels.ts): what the form warns of is what the server would answer; the server still judges the merge.
 */

/** A clue being merged (one, from the drawer or a card's move; several, from a batch). */
export interface MergeSource {
  readonly id: number;
  readonly campaignId: number;
  readonly unitId: string;
}

/** The clue a number names, as its read answered (GET /api/clues/:id, the drawer's own). */
export type MergeCandidate = Pick<ItemDetail, 'id' | 'campaignId' | 'unitId' | 'state' | 'title' | 'context'>;

/** What the read of a number came to: the clue, none this reader sees (404), or a failure saying why. */
export type TargetAnswer = { readonly found: MergeCandidate } | { readonly missing: true } | { readonly failed: Label };

/** An answer with the number it was asked for: one for a number typed before is not this number's. */
export interface LookedUp {
  readonly id: number;
  readonly answer: TargetAnswer;
}

/** What the form says below the number, and whether the merge may go on. */
export type TargetSaid =
  | { readonly kind: 'empty' }
  | { readonly kind: 'looking'; readonly id: number }
  | { readonly kind: 'refused'; readonly reason: Label }
  | { readonly kind: 'ready'; readonly target: MergeCandidate; readonly line: Label };

/** A unit's names, as a campaign's units carry them. */
interface NamedUnit {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** The reader: only the office merges across units (see the engine's mergeAcrossUnitsByOffice). */
export interface MergeReader {
  readonly mayCrossUnits: boolean;
}

export const mergeTargetMessages = {
  typeNumber: { zh: '输入线索编号，即显示要并入的线索', en: 'Type a clue number to see the clue it merges into' },
  notANumber: { zh: '线索编号应为正整数', en: 'A clue number is a whole number above 0' },
  // A lead reads no other unit's clue: a number of one is "not found" to them, as on its own page, yet may well be a clue.
  missingOrElsewhere: {
    zh: '找不到要并入的线索：编号有误，或属其他单位（跨单位并案须由专项办决定）',
    en: 'The clue to merge into was not found: the number is wrong, or it is another unit’s (merging across units is the office’s call)',
  },
  irreversible: {
    zh: '并案后不能撤销：本线索将转为“已并案”，不再单独办理。',
    en: 'A merge cannot be undone: this clue becomes Merged and is no longer worked on its own.',
  },
  irreversibleMany: {
    zh: '并案后不能撤销：这些线索将转为“已并案”，不再单独办理。',
    en: 'A merge cannot be undone: these clues become Merged and are no longer worked on their own.',
  },
  back: { zh: '返回修改', en: 'Back' },
  confirm: { zh: '确认并案', en: 'Merge for good' },
} as const satisfies Record<string, Label>;

/** The number typed, if it is one: null for nothing typed, NaN for text that is no clue number (0, 1.5, -3). */
export function typedClueNumber(typed: string): number | null {
  const text = typed.trim();
  if (text === '') return null;
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) > 0 ? Number(text) : Number.NaN;
}

/** The answer of a read that failed: a 404 is no clue this reader sees; anything else says why it failed. */
export function answerOfFailure(error: unknown): TargetAnswer {
  if (error instanceof ApiProblem) return error.status === 404 ? { missing: true } : { failed: error.reason };
  return { failed: { zh: String(error), en: String(error) } };
}

const unitLabel = (units: readonly NamedUnit[], id: string): Label => {
  const unit = units.find((u) => u.id === id);
  return unit === undefined ? { zh: id, en: id } : { zh: unit.nameZh, en: unit.nameEn };
};

/** The clue a merge goes into, as the form shows it and its confirmation names it: 并入 #123“……” · 汉台区 · 核查中. */
export function targetLine(target: MergeCandidate, units: readonly NamedUnit[]): Label {
  const unit = unitLabel(units, target.unitId);
  const state = stateLabel('clue', target.state);
  return {
    zh: `并入 #${target.id}${quotedZh(target.title)} · ${unit.zh} · ${state.zh}`,
    en: `Merge into #${target.id} “${target.title}” · ${unit.en} · ${state.en}`,
  };
}

/** Said while the number's clue is read. */
export function lookingLabel(id: number): Label {
  return { zh: `正在查找线索 #${id}…`, en: `Looking up clue #${id}…` };
}

/**
 * The line under a merge's number: what to type, the clue being looked up, or the clue it goes into. None while the
 * server's refusal of the number stands (the target merged meanwhile: "目标线索已被并案…"), which the field says instead:
 * the clue read before it was sent, under that refusal, read as if it still were the target.
 */
export function mergeNotice(said: TargetSaid, refusedByServer: boolean): Label | null {
  if (said.kind === 'empty') return mergeTargetMessages.typeNumber;
  if (refusedByServer) return null;
  if (said.kind === 'looking') return lookingLabel(said.id);
  return said.kind === 'ready' ? said.line : null;
}

/** The confirmation's question, naming both clues. */
export function confirmQuestion(sourceId: number, target: MergeCandidate): Label {
  return {
    zh: `将线索 #${sourceId} 并入 #${target.id}${quotedZh(target.title)}？`,
    en: `Merge clue #${sourceId} into #${target.id} “${target.title}”?`,
  };
}

/** The confirming button's words, naming the clue merged into: 确认并入 #123. */
export function confirmInto(target: MergeCandidate): Label {
  return { zh: `确认并入 #${target.id}`, en: `Merge into #${target.id}` };
}

/** A batch's target that is one of the clues it merges: that one would be refused, the rest merged into it. */
export function amongMergedLabel(id: number): Label {
  return { zh: `线索 #${id} 在所选线索之中，不能并入自身：请先取消勾选它`, en: `Clue #${id} is among those selected and cannot be merged into itself: untick it first` };
}

/**
 * What is said of the number typed, given the read of it answered so far (or null, none yet), for the clues merged
 * into it: it must take every one of them, as a batch sends them all into the one clue.
 */
export function mergeTargetSaid(typed: string, sources: readonly MergeSource[], reader: MergeReader, lookedUp: LookedUp | null, units: readonly NamedUnit[]): TargetSaid {
  const id = typedClueNumber(typed);
  if (id === null) return { kind: 'empty' };
  if (Number.isNaN(id)) return { kind: 'refused', reason: mergeTargetMessages.notANumber };
  if (sources.some((source) => source.id === id)) return { kind: 'refused', reason: sources.length === 1 ? mergeRefusalLabels.itself : amongMergedLabel(id) };
  if (lookedUp === null || lookedUp.id !== id) return { kind: 'looking', id };
  const answer = lookedUp.answer;
  if ('missing' in answer) return { kind: 'refused', reason: reader.mayCrossUnits ? mergeRefusalLabels.missing : mergeTargetMessages.missingOrElsewhere };
  if ('failed' in answer) return { kind: 'refused', reason: answer.failed };
  const target = answer.found;
  if (sources.some((source) => source.campaignId !== target.campaignId)) return { kind: 'refused', reason: mergeRefusalLabels.otherCampaign };
  if (target.state === 'merged') {
    // Merged into the one clue merged now: said as the merge back that it would be (the engine's words for it).
    const back = sources.length === 1 && target.context.mergedInto === sources[0]?.id;
    return { kind: 'refused', reason: back ? mergedBackLabel(target.id) : mergeRefusalLabels.targetMerged };
  }
  if (!reader.mayCrossUnits && sources.some((source) => source.unitId !== target.unitId)) return { kind: 'refused', reason: mergeRefusalLabels.acrossUnits };
  return { kind: 'ready', target, line: targetLine(target, units) };
}
