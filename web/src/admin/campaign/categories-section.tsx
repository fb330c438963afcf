import { For, Show, createSignal } from 'solid-js';
import { quotedZh, type Label } from '../../../../engine/labels';
import { named } from '../../i18n/i18n';
import { settingsApi } from './api';
import { FieldMessage, type SectionProps } from './form-kit';
import { shownEnglishName } from '../english-name';
import { cm } from './messages';
import { SectionFrame } from './section-frame';
import { scrollCue } from '../../ui/scroll-cue';

/** An order as typed: a cleared field is no order (sent as none, refused by the server, the saved one shown again), not 0. */
const orderOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * A refusal of a row's change, naming the row in each language and the value its field shows again: the message
 * names the value typed (a code another category has), which the field no longer shows.
 */
const ofCategory = (category: { readonly nameZh: string; readonly nameEn: string }, message: Label, kept: string): Label => ({
  zh: `类别${quotedZh(category.nameZh)}：${message.zh}；${kept === '' ? '已恢复为空' : `已恢复为${quotedZh(kept)}`}`,
  en: `Category “${category.nameEn}”: ${message.en}; ${kept === '' ? 'left empty as saved' : `kept as “${kept}”`}`,
});

/** The campaign's crime categories: named in both languages, ordered, retired and restored one at a time (each is saved at once). */
export function CategoriesSection(props: SectionProps) {
  const [nameZh, setNameZh] = createSignal('');
  const [nameEn, setNameEn] = createSignal('');
  const [code, setCode] = createSignal('');
  const id = () => props.settings.id;
  // The row and field of the last change refused: marked until the next change, its input back at the saved value.
  const [refused, setRefused] = createSignal<{ categoryId: number; field: string; kept: string } | null>(null);
  const add = async () => {
    setRefused(null);
    // A code left empty is made by the server from the category's number (category-9): imports and exports read it.
    const chosen = code().trim();
    if (await props.run('categories', () => settingsApi.addCategory(id(), { nameZh: nameZh(), nameEn: nameEn(), ...(chosen === '' ? {} : { code: chosen }) }))) {
      setNameZh('');
      setNameEn('');
      setCode('');
    }
  };
  // A refusal of a row's change names the row (by its saved names) under that row, and marks that row's field only (not
  // the new row's of the same name); the new row's needs no name.
  const messages = (): Label[] => {
    const errors = [...props.errors('nameZh'), ...props.errors('nameEn'), ...props.errors('sortOrder'), ...props.errors('code')];
    const row = props.settings.categories.find((category) => category.id === refused()?.categoryId);
    const kept = refused()?.kept ?? '';
    return row === undefined ? errors : errors.map((message) => ofCategory(row, message, kept));
  };
  const refusedRowShown = () => props.settings.categories.some((category) => category.id === refused()?.categoryId);
  // The categories' rows are saved as each is changed: only a new category typed and not added is held unsaved.
  const unsaved = () => [nameZh(), nameEn(), code()].some((text) => text.trim() !== '');
  return (
    <SectionFrame id="categories" title={cm('categories')} lead={`${cm('categoriesLead')}${cm('categoryCodeHint')}`} busy={props.busy} unsaved={unsaved} holds={props.holds}>
      <table class="ca-table ca-categories" ref={scrollCue} data-testid="categories">
        <thead>
          <tr>
            <th>{cm('order')}</th>
            <th>{cm('code')}</th>
            <th class="ca-name">{cm('nameZh')}</th>
            <th class="ca-name">{cm('nameEn')}</th>
            <th>
              <span class="visually-hidden">{cm('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.settings.categories}>
            {(category) => {
              type Change = Parameters<typeof settingsApi.changeCategory>[2];
              const change = (c: Change, input?: HTMLInputElement) => {
                setRefused(null);
                void props.run('categories', () => settingsApi.changeCategory(id(), category.id, c)).then((saved) => {
                  if (saved || input === undefined) return;
                  // Refused (a name or code another category has, an empty name): the saved value again, the field marked.
                  const field = Object.keys(c)[0] ?? '';
                  input.value = field === 'nameEn' ? shownEnglishName(category) : String(category[field as keyof typeof category] ?? '');
                  setRefused({ categoryId: category.id, field, kept: input.value });
                });
              };
              const marked = (field: string) => refused()?.categoryId === category.id && refused()?.field === field;
              const messageId = `category-${category.id}-message`;
              const describedBy = (field: string) => (marked(field) ? messageId : undefined);
              return (
                <>
                  <tr classList={{ 'ca-retired': category.retired }} data-testid={`category-${category.code}`}>
                    <td>
                      <input type="number" class="ca-order" aria-label={`${cm('order')} ${named(category)}`} value={category.sortOrder} aria-invalid={marked('sortOrder')} aria-describedby={describedBy('sortOrder')} onChange={(e) => change({ sortOrder: orderOf(e.currentTarget.value) }, e.currentTarget)} />
                    </td>
                    <td>
                      <input type="text" class="ca-code" aria-label={`${cm('code')} ${named(category)}`} value={category.code} aria-invalid={marked('code')} aria-describedby={describedBy('code')} onChange={(e) => change({ code: e.currentTarget.value }, e.currentTarget)} />
                    </td>
                    <td class="ca-name">
                      <input type="text" aria-label={`${cm('nameZh')} ${named(category)}`} value={category.nameZh} aria-invalid={marked('nameZh')} aria-describedby={describedBy('nameZh')} onChange={(e) => change({ nameZh: e.currentTarget.value }, e.currentTarget)} />
                    </td>
                    <td class="ca-name">
                      <input type="text" aria-label={`${cm('nameEn')} ${named(category)}`} value={shownEnglishName(category)} placeholder={category.nameZh} aria-invalid={marked('nameEn')} aria-describedby={describedBy('nameEn')} onChange={(e) => change({ nameEn: e.currentTarget.value }, e.currentTarget)} />
                    </td>
                    <td>
                      <Show when={category.retired} fallback={<button type="button" class="button small" disabled={props.busy} onClick={() => change({ retired: true })}>{cm('retire')}</button>}>
                        <span class="chip">{cm('retired')}</span>
                        <button type="button" class="button ghost small" disabled={props.busy} onClick={() => change({ retired: false })}>
                          {cm('restore')}
                        </button>
                      </Show>
                    </td>
                  </tr>
                  {/* A refusal of this row's change is said under it, where its field was changed: under the table, below
                      the new category's row, it was a screen away from a row high in a long list, under the toast. */}
                  <Show when={refused()?.categoryId === category.id && messages().length > 0}>
                    <tr class="ca-row-message">
                      <td colSpan={5}>
                        <FieldMessage id={messageId} messages={messages()} />
                      </td>
                    </tr>
                  </Show>
                </>
              );
            }}
          </For>
          <tr class="ca-new">
            <td />
            <td>
              <input type="text" class="ca-code" name="new-category-code" aria-label={cm('code')} placeholder={cm('codeOptional')} value={code()} aria-invalid={refused() === null && props.errors('code').length > 0} onInput={(e) => setCode(e.currentTarget.value)} />
            </td>
            <td class="ca-name">
              <input type="text" name="new-category-zh" aria-label={cm('nameZh')} value={nameZh()} aria-invalid={refused() === null && props.errors('nameZh').length > 0} onInput={(e) => setNameZh(e.currentTarget.value)} />
            </td>
            <td class="ca-name">
              <input type="text" name="new-category-en" aria-label={cm('nameEn')} placeholder={cm('englishOptional')} value={nameEn()} aria-invalid={refused() === null && props.errors('nameEn').length > 0} onInput={(e) => setNameEn(e.currentTarget.value)} />
            </td>
            <td>
              <button type="button" class="button" disabled={props.busy} onClick={() => void add()}>
                {cm('addCategory')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {/* The new category's refusal, or one whose row is gone meanwhile, under the table. */}
      <FieldMessage messages={refusedRowShown() ? [] : messages()} />
    </SectionFrame>
  );
}
