import { For, createSignal, onCleanup } from 'solid-js';
import type { BoardFilters, CampaignDetail, ItemKind } from '../api/client';
import { named, t } from '../i18n/i18n';

/** Kind switch and filters; every change goes to the URL, which the board reads. */
export function BoardToolbar(props: {
  campaign: CampaignDetail;
  kind: ItemKind;
  filters: BoardFilters;
  onKind: (kind: ItemKind) => void;
  onFilters: (change: Partial<Record<keyof BoardFilters, string | undefined>>) => void;
}) {
  const [text, setText] = createSignal(props.filters.q ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer);
    // The search goes to the server once the user pauses, not on every key.
    timer = setTimeout(() => props.onFilters({ q: value.trim() || undefined }), 300);
  };
  onCleanup(() => clearTimeout(timer));
  const active = () => props.filters.unit !== undefined || props.filters.category !== undefined || props.filters.overdue !== undefined || (props.filters.q ?? '') !== '';

  return (
    <div class="toolbar">
      <div class="segmented" role="tablist">
        <For each={['clue', 'problem'] as const}>
          {(kind) => (
            <button type="button" role="tab" aria-selected={props.kind === kind} data-testid={`kind-${kind}`} classList={{ active: props.kind === kind }} onClick={() => props.onKind(kind)}>
              {kind === 'clue' ? t('clues') : t('problems')}
            </button>
          )}
        </For>
      </div>
      <select name="unit" aria-label={t('unit')} value={props.filters.unit ?? ''} onChange={(e) => props.onFilters({ unit: e.currentTarget.value || undefined })}>
        <option value="">{t('allUnits')}</option>
        <For each={props.campaign.units}>
          {(unit) => (
            <option value={unit.id}>
              {unit.parentId === null ? '' : '\u00a0\u00a0'}
              {named(unit)}
            </option>
          )}
        </For>
      </select>
      <select name="category" aria-label={t('category')} value={props.filters.category ?? ''} onChange={(e) => props.onFilters({ category: e.currentTarget.value || undefined })}>
        <option value="">{t('allCategories')}</option>
        <For each={props.campaign.categories.filter((c) => !c.retired)}>{(category) => <option value={String(category.id)}>{named(category)}</option>}</For>
      </select>
      <label class="check">
        <input type="checkbox" name="overdue" checked={props.filters.overdue === 'true'} onChange={(e) => props.onFilters({ overdue: e.currentTarget.checked ? 'true' : undefined })} />
        <span>{t('overdueOnly')}</span>
      </label>
      <input class="search" type="search" name="q" placeholder={t('search')} aria-label={t('search')} value={text()} onInput={(e) => typed(e.currentTarget.value)} />
      <button
        type="button"
        class="button ghost"
        disabled={!active()}
        onClick={() => {
          setText('');
          props.onFilters({ unit: undefined, category: undefined, overdue: undefined, q: undefined });
        }}
      >
        {t('clearFilters')}
      </button>
    </div>
  );
}
