import { createMemo, createSignal } from 'solid-js';
import { maxBatchItems } from '../../../api/contracts/batch';
import { reasonText } from '../api/problem';
import { toast } from '../ui/toasts';
import type { ListItem } from './api';
import { selectable } from '../batch/batch-plan';
import { keptOnly, type ItemRef } from '../batch/batch-left';
import type { RowSelection } from './list-table';

type Rows = ReadonlyMap<string, ListItem>;
const keyOf = (item: ListItem) => `${item.kind}:${item.id}`;

/**
 * The rows of a list selected for a batch (批量处理): ticked across pages,
 * each as the page on screen has it now or else as it was read (its version
 * guards the change), at most as many as one batch takes; or every
 * selectable item that matches, read page after page.
 */
export function createRowSelection(options: {
  /** The rows on screen. */
  readonly page: () => readonly ListItem[];
  /** How many items match the filters, over every page. */
  readonly total: () => number;
  /** Every item that matches, up to `most`. */
  readonly readAll: (most: number) => Promise<readonly ListItem[]>;
}) {
  const [rows, setRowsNow] = createSignal<Rows>(new Map());
  // Whether the selection is every selectable item that matches, rather than pages ticked.
  const [whole, setWhole] = createSignal(false);
  const setRows = (next: Rows | ((now: Rows) => Rows), everything = false) => {
    setRowsNow(next);
    setWhole(everything);
  };
  const pageRows = () => options.page().filter(selectable);
  const withRows = (now: Rows, items: readonly ListItem[], on: boolean): Rows => {
    const next = new Map(now);
    for (const item of items) {
      if (!on) next.delete(keyOf(item));
      else if (next.size < maxBatchItems) next.set(keyOf(item), item);
    }
    return next;
  };

  const selection: RowSelection = {
    selectable,
    isSelected: (item) => rows().has(keyOf(item)),
    toggle: (item, on) => setRows((now) => withRows(now, [item], on)),
    page: () => {
      const shown = pageRows();
      const n = shown.filter((item) => rows().has(keyOf(item))).length;
      return n === 0 ? 'none' : n === shown.length ? 'all' : 'some';
    },
    togglePage: (on) => setRows((now) => withRows(now, pageRows(), on)),
  };

  const [selectingAll, setSelectingAll] = createSignal(false);
  // A selected row as the page on screen has it now (read again after a change, it brings the new version), else as it was read.
  const selected = createMemo((): ListItem[] => {
    const shown = new Map(options.page().map((item) => [keyOf(item), item]));
    return [...rows()].map(([key, item]) => shown.get(key) ?? item).filter(selectable);
  });
  return {
    selection,
    selected,
    size: () => selected().length,
    clear: () => setRows(new Map()),
    /** Unticks every row but these (the items a batch left: the rest are done). */
    keepOnly: (items: readonly ItemRef[]) => setRows((now) => keptOnly(now, items)),
    /** Whether to offer every item that matches: once the page is selected, when more match and no more than a batch takes. */
    selectAllState: (): 'offered' | 'tooMany' | 'no' => {
      if (whole() || selection.page() !== 'all' || options.total() <= rows().size) return 'no';
      return options.total() > maxBatchItems ? 'tooMany' : 'offered';
    },
    /** Whether the total offered counts items the viewer may not change: some on this page are (which of the others are is known once they are read). */
    selectAllUpTo: (): boolean => pageRows().length < options.page().length,
    selectingAll,
    async selectAll(): Promise<void> {
      setSelectingAll(true);
      try {
        const items = await options.readAll(maxBatchItems);
        setRows(new Map(items.filter(selectable).map((item) => [keyOf(item), item])), true);
      } catch (error) {
        toast(() => reasonText(error));
      } finally {
        setSelectingAll(false);
      }
    },
  };
}
