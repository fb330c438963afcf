import { A } from '@solidjs/router';
import { For, Show, createEffect, type JSX } from 'solid-js';
import { deadlineLabels, itemKindLabels, listColumnLabels, listColumns, type ListColumn, type ListSort, type ListSortColumn, type ResponsibilityGroup } from '../../../api/contracts/lists';
import { clueSourceLabels, clueStateLabels } from '../../../engine/clue/clue.labels';
import { problemKindLabels, problemStateLabels } from '../../../engine/problem/problem.labels';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { named, tr } from '../i18n/i18n';
import { count } from '../reports/format';
import { dateTime, dueDate } from '../ui/dates';
import type { ListItem, ListName } from './api';
import { lt } from './messages';
import { bt } from '../batch/batch-messages';
import { sortableColumn } from './list-address';

const labelIn = (labels: Readonly<Record<string, Label>>, key: string | null) => (key === null ? '' : tr(labels[key] ?? { zh: key, en: key }));

/** One cell as the screen shows it; the exports write the same columns under the same headings (api/services/lists-export.ts). */
function cellOf(column: ListColumn, item: ListItem, campaign: CampaignDetail): JSX.Element {
  const zone = campaign.timeZone;
  switch (column) {
    case 'id':
      return item.id;
    case 'title':
      return (
        // Cut to a few lines on screen (lists.css): the whole title is in the tooltip, as on the board's card.
        <A href={`/campaigns/${campaign.id}/board?kind=${item.kind}&item=${item.id}`} title={`${item.title} · ${lt('openOnBoard')}`}>
          {item.title}
        </A>
      );
    case 'state':
      return labelIn(item.kind === 'clue' ? clueStateLabels : problemStateLabels, item.state);
    case 'unit': {
      const unit = campaign.units.find((u) => u.id === item.unitId);
      return unit === undefined ? item.unitId : named(unit);
    }
    case 'category': {
      const category = campaign.categories.find((c) => c.id === item.categoryId);
      return category === undefined ? <span class="muted">{lt('uncategorised')}</span> : named(category);
    }
    case 'assignee':
      return item.assigneeName ?? <span class="list-warn">{lt('unassigned')}</span>;
    case 'source':
      return labelIn(clueSourceLabels, item.source);
    case 'problemKind':
      return labelIn(problemKindLabels, item.source);
    case 'caseNumber':
      return item.caseNumber ?? '';
    case 'kind':
      return tr(itemKindLabels[item.kind]);
    case 'foundAt':
      return dateTime(item.foundAt, zone);
    case 'enteredAt':
      return dateTime(item.enteredAt, zone);
    case 'lastNoteAt':
      return item.lastNoteAt === null ? <span class="muted">—</span> : dateTime(item.lastNoteAt, zone);
    case 'dueAt':
      // The last day, as the card and the extension form say it: "2026-05-25 00:00" read as a day more than the item has.
      return item.dueAt === null ? '' : dueDate(item.dueAt, zone);
    case 'level':
      return item.dueAt === null ? '' : <span class={`list-level list-level-${item.level}`}>{tr(deadlineLabels[item.level as 0 | 1 | 2 | 3])}</span>;
  }
}

/** The heading row of one unit's responsible person: how much they hold open, how much is overdue, the next due time. */
function GroupRow(props: { group: ResponsibilityGroup | undefined; item: ListItem; campaign: CampaignDetail; span: number }) {
  const unit = () => props.campaign.units.find((u) => u.id === props.item.unitId);
  return (
    <tr class="list-group" data-testid={`group-${props.item.unitId}-${props.item.assigneeId ?? 'none'}`}>
      <th colSpan={props.span} scope="rowgroup">
        <span class="list-group-unit">{unit() === undefined ? props.item.unitId : named(unit() ?? { nameZh: '', nameEn: '' })}</span>
        <span class="list-group-person" classList={{ 'list-warn': props.item.assigneeId === null }}>{props.item.assigneeName ?? lt('unassigned')}</span>
        <Show when={props.group}>
          {(group) => (
            <span class="list-group-figures">
              {count(group().open)} {lt('openItems')}
              <Show when={group().overdue > 0}>
                {' · '}
                <span class="list-level list-level-2">
                  {count(group().overdue)} {lt('overdueItems')}
                </span>
              </Show>
              {/* JSX, not a template string: Show runs its child once, and the words must follow a language switch. */}
              {/* The last day, as each row says its deadline: an instant of 00:00 is the end of the day before. */}
              <Show when={group().nextDueAt}>{(due) => <>{` · ${lt('nextDue')} ${dueDate(due(), props.campaign.timeZone)}`}</>}</Show>
            </span>
          )}
        </Show>
      </th>
    </tr>
  );
}

/** Which rows are selected for a batch, and how to change that: the page on screen only, never a print. */
export interface RowSelection {
  readonly selectable: (item: ListItem) => boolean;
  readonly isSelected: (item: ListItem) => boolean;
  readonly toggle: (item: ListItem, on: boolean) => void;
  /** Every selectable row of the page: all of them selected, some, or none. */
  readonly page: () => 'all' | 'some' | 'none';
  readonly togglePage: (on: boolean) => void;
}

/** The order of a sortable list, and what a click on a sortable heading does. */
export interface HeadingSort {
  readonly order: ListSort;
  readonly onSort: (column: ListSortColumn) => void;
}

/** A column's heading: a button that sorts by it where the list may be sorted so (the sorted one marked ▲ or ▼), else its label. */
function ColumnHeading(props: { list: ListName; column: ListColumn; sort: HeadingSort | undefined }) {
  const label = () => tr(listColumnLabels[props.column]);
  const sortable = () => (props.sort === undefined ? undefined : sortableColumn(props.list, props.column));
  const sorted = () => (props.sort !== undefined && props.sort.order.column === props.column ? props.sort.order : undefined);
  return (
    <th class={`col-${props.column}`} scope="col" aria-sort={sorted() === undefined ? undefined : sorted()?.descending ? 'descending' : 'ascending'}>
      <Show when={sortable()} fallback={label()}>
        {(column) => (
          <button type="button" class="list-sort" data-testid={`sort-${column()}`} aria-label={lt('sortBy', { column: label().toLowerCase() })} onClick={() => props.sort?.onSort(column())}>
            {label()}
            <Show when={sorted()}>{(order) => <span class="list-sort-mark" aria-hidden="true">{order().descending ? '▼' : '▲'}</span>}</Show>
          </button>
        )}
      </Show>
    </th>
  );
}

/** A list's table: its columns headed in the user's language; the responsibility list grouped unit → person; a first column of checkboxes when rows may be selected. */
export function ListTable(props: { list: ListName; items: readonly ListItem[]; groups: readonly ResponsibilityGroup[]; campaign: CampaignDetail; selection?: RowSelection; sort?: HeadingSort | undefined }) {
  const columns = (): readonly ListColumn[] => listColumns[props.list];
  const span = () => columns().length + (props.selection === undefined ? 0 : 1);
  const startsGroup = (i: number) => {
    if (props.list !== 'responsibility') return false;
    const item = props.items[i];
    const before = props.items[i - 1];
    return item !== undefined && (before === undefined || before.unitId !== item.unitId || before.assigneeId !== item.assigneeId);
  };
  const groupOf = (item: ListItem) => props.groups.find((g) => g.unitId === item.unitId && g.assigneeId === item.assigneeId);
  return (
    <table class="list-table" data-testid="list-table" data-list={props.list}>
      <thead>
        <tr>
          <Show when={props.selection}>
            {(selection) => (
              <th class="col-select" scope="col">
                <input
                  type="checkbox"
                  data-testid="select-page"
                  aria-label={bt('selectPage')}
                  checked={selection().page() === 'all'}
                  ref={(box) => createEffect(() => (box.indeterminate = selection().page() === 'some'))}
                  disabled={!props.items.some((item) => selection().selectable(item))}
                  onChange={(e) => selection().togglePage(e.currentTarget.checked)}
                />
              </th>
            )}
          </Show>
          <For each={columns()}>{(column) => <ColumnHeading list={props.list} column={column} sort={props.sort} />}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.items}>
          {(item, i) => (
            <>
              <Show when={startsGroup(i())}>
                <GroupRow group={groupOf(item)} item={item} campaign={props.campaign} span={span()} />
              </Show>
              <tr data-testid={`row-${item.kind}-${item.id}`} classList={{ [`row-level-${item.level}`]: item.dueAt !== null, 'row-selected': props.selection?.isSelected(item) === true }}>
                <Show when={props.selection}>
                  {(selection) => (
                    <td class="col-select">
                      <input
                        type="checkbox"
                        data-testid={`select-${item.kind}-${item.id}`}
                        aria-label={bt('selectRow', { item: `#${item.id} ${item.title}` })}
                        checked={selection().isSelected(item)}
                        disabled={!selection().selectable(item)}
                        title={selection().selectable(item) ? undefined : bt('notSelectable')}
                        onChange={(e) => {
                          selection().toggle(item, e.currentTarget.checked);
                          // A selection already at its most leaves the box as it was.
                          e.currentTarget.checked = selection().isSelected(item);
                        }}
                      />
                    </td>
                  )}
                </Show>
                <For each={columns()}>{(column) => <td class={`col-${column}`}>{cellOf(column, item, props.campaign)}</td>}</For>
              </tr>
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}
