import { For, Show } from 'solid-js';
import { quietDays as quietSpan } from '../../../api/contracts/common';
import { colon, tr } from '../i18n/i18n';
import { filterLabels } from './filter-names';
import { unofferedOf } from './scope-options';
import { Unoffered } from './scope-selects';

/** The spans of "no progress for N days" a supervisor asks about: a week, a fortnight, a month. */
const quietChoices = [7, 15, 30] as const;

const everything = { zh: '不限进展', en: 'Progress: all' };
const quietDays = { zh: '{n} 天无进展', en: 'No progress for {n} days' };
/** The same in the select, shorter in English so that the board's toolbar keeps one line; its tooltip says what it means. */
const quietChoice = { zh: '{n} 天无进展', en: 'Stalled {n}d+' };
/** What counts as progress, in the select's tooltip. */
const meaning = { zh: '无进展：期间既没有写进展记录、上传附件，也没有移入当前状态', en: 'No progress: no work note, no file attached and no move into the current state in that time' };

/** "No progress for N days", as a filter's chip or a print heading says it; a span that is no number of days (`?quiet=abc`, which the server refuses) as itself. */
export const quietLabel = (days: string): string => (/^\d+$/.test(days) ? tr(quietDays).replace('{n}', days) : `${tr(filterLabels.quiet)}${colon()}${days}`);

/**
 * The "no progress for N days" filter of the board and the lists: items with
 * neither a work note, a file attached nor a move into their state since then (the server's `quiet`).
 */
export function QuietSelect(props: { value: string | undefined; onChange: (days: string | undefined) => void }) {
  const choiceText = (days: string) => tr(quietChoice).replace('{n}', days);
  // A span from an address is shown as itself rather than as a blank select: a shared link's ?quiet=10 as a choice, as
  // the server takes it; a mistyped one, which it refuses, as no choice (Unoffered).
  const other = () => unofferedOf(quietChoices.map(String), props.value, (value) => (/^\d+$/.test(value) ? choiceText(value) : value));
  const otherSpan = () => (quietSpan.safeParse(props.value).success ? other() : undefined);
  const otherRefused = () => (otherSpan() === undefined ? other() : undefined);
  return (
    <select name="quiet" aria-label={tr(filterLabels.quiet)} title={tr(meaning)} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
      <option value="">{tr(everything)}</option>
      <For each={quietChoices}>{(days) => <option value={String(days)}>{choiceText(String(days))}</option>}</For>
      <Show when={otherSpan()}>{(span) => <option value={span().value}>{span().text}</option>}</Show>
      <Unoffered option={otherRefused()} />
    </select>
  );
}
