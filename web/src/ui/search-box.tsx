import { searchTextLimit } from '../../../api/contracts/common';
import { t } from '../i18n/i18n';

/**
 * The board's and the lists' search box, saying what it finds: a clue by its number, title, case number or a number it
 * holds; a problem (which has neither case number nor numbers in its text) by its number and title.
 */
/** `ref` receives the input: a filter's Clear gives it the focus, since the button itself is disabled once nothing is filtered. */
export function SearchBox(props: { problems: boolean; value: string; onInput: (value: string) => void; ref?: (input: HTMLInputElement) => void }) {
  const label = () => (props.problems ? t('searchProblems') : t('search'));
  return (
    <input
      ref={(input) => props.ref?.(input)}
      class="search"
      type="search"
      name="q"
      placeholder={label()}
      aria-label={label()}
      title={props.problems ? t('searchProblemsHint') : t('searchHint')}
      value={props.value}
      maxLength={searchTextLimit}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}
