import type { Label } from '../labels';

/**
 * Why a clue cannot be merged into the one a number names: said by the
 * engine when it refuses the merge, and by the drawer's merge form as the
 * number is typed, before anything is sent. One wording for both, so that
 * what the form warns of is what the server would answer.
 */
export const mergeRefusalLabels = {
  /** No clue has the number, or the reader may not see it (ids do not reveal what other units hold). */
  missing: { zh: '找不到要并入的线索', en: 'The clue to merge into was not found' },
  itself: { zh: '不能并入自身', en: 'A clue cannot be merged into itself' },
  otherCampaign: { zh: '只能并入同一专项行动的线索', en: 'A clue can only be merged into a clue of the same campaign' },
  targetMerged: { zh: '目标线索已被并案，请并入其主线索', en: 'That clue was itself merged; merge into the clue it was merged into' },
  acrossUnits: { zh: '跨单位并案须由专项办决定', en: 'Only the campaign office may merge clues across units' },
} as const satisfies Record<string, Label>;

/** The merge the other way round, asked after the target was merged into this clue: said as such, not as a merge into itself. */
export function mergedBackLabel(targetId: number): Label {
  return { zh: `线索 #${targetId} 已并入本线索，不能再反向并案`, en: `Clue #${targetId} was already merged into this one; it cannot be merged back the other way` };
}
