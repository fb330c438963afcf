import { clueCreateLabel, clueEventLabels, clueStateLabels, problemCreateLabel, problemEventLabels, problemStateLabels, type Label, type ReplayFailure } from '../../engine';

/** A name from a table of labels, or the log's own word where the table has none (a log written by something else). */
const named = (labels: Readonly<Record<string, Label>>, key: string): Label => labels[key] ?? { zh: key, en: key };

/**
 * Why an item's log does not replay, in the operator's two languages: the event by its place in the item's log and
 * its name, in the state the item had reached. The machine's own error, when it could not evaluate an event at all,
 * is kept as it is (English: it is for whoever reads the code).
 */
export function replayFailureLabel(subject: 'clue' | 'problem', failure: ReplayFailure<string>): Label {
  const [events, states, create] = subject === 'clue' ? [clueEventLabels, clueStateLabels, clueCreateLabel] : [problemEventLabels, problemStateLabels, problemCreateLabel];
  if (failure.why === 'not-created') return { zh: `回放失败：第一个事件不是「${create.zh}」`, en: `replay failed: its first event is not "${create.en}"` };
  const event = named(events, failure.event);
  const state = named(states, failure.state);
  const which = { zh: `第 ${failure.index + 1} 个事件「${event.zh}」`, en: `its event ${failure.index + 1} ("${event.en}")` };
  return failure.why === 'refused'
    ? { zh: `回放失败：${which.zh}在「${state.zh}」状态下不被接受`, en: `replay failed: ${which.en} is not accepted in the state "${state.en}"` }
    : { zh: `回放失败：${which.zh}在「${state.zh}」状态下无法求值（${failure.error}）`, en: `replay failed: ${which.en} cannot be evaluated in the state "${state.en}" (${failure.error})` };
}
