import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch, createEffect, createMemo, createResource, createSignal, on } from 'solid-js';
import { listNames, listTitles, type ListSort } from '../../../api/contracts/lists';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import type { Label } from '../../../engine/labels';
import { problemStateLabels } from '../../../engine/problem/problem.labels';
import { api } from '../api/client';
import { colon, lang, named, t, tr } from '../i18n/i18n';
import { count } from '../reports/format';
import { dateTime } from '../ui/dates';
import { quietLabel } from '../ui/quiet-select';
import { filterName } from '../ui/filter-names';
import { ReadFailed } from '../ui/read-failed';
import { toast } from '../ui/toasts';
import { refusalText } from '../api/problem';
import { unlessFailed } from '../ui/read-shown';
import { TopBar } from '../ui/top-bar';
import { NoSuchPage } from '../ui/page-trouble';
import { usePageTitle } from '../ui/page-title';
import { filterKeys, listDownloadUrl, listsApi, type ListFilters, type ListName, type ListPage } from './api';
import { ListFilterBar } from './list-filters';
import { ListTable, type HeadingSort } from './list-table';
import { BatchBar } from '../batch/batch-bar';
import { useLiveRefresh } from '../live/live-refresh';
import { BatchDialog } from '../batch/batch-dialog';
import { planOf, type BatchAction } from '../batch/batch-plan';
import { keptSelected } from '../batch/batch-left';
import { createRowSelection } from './row-selection';
import { maxBatchItems } from '../../../api/contracts/batch';
import { me } from '../session/session';
import { dropUnitFilterOutOfReach } from '../session/reach-filters';
import { lt } from './messages';
import { lastPageOf, offsetOf, pageInAddress, pageParam, pageSize, sortAddressParam, sortAfterClick, sortInAddress } from './list-address';
import { createWholeListPrint, maxPrinted, printOffer } from './whole-list-print';
import './lists.css';

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
const isListName = (value: string | undefined): value is ListName => listNames.some((n) => n === value);

type ListSearch = Partial<Record<(typeof filterKeys)[number] | 'sort' | 'page', string>>;

/**
 * `/campaigns/:id/lists/:list`: the clue, problem or responsibility list. A list name it does not know (a typed address,
 * an old bookmark) is an address no page answers to, said as every other one is, not a list the user did not ask for.
 */
export function ListsPage() {
  const params = useParams<{ id: string; list: string }>();
  const known = () => (isListName(params.list) ? params.list : undefined);
  return (
    <Show when={known()} fallback={<NoSuchPage />}>
      {(list) => <ListPage list={list()} />}
    </Show>
  );
}

/** One of the lists, its filters, order and page in the URL, exportable and printable. */
function ListPage(props: { list: ListName }) {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<ListSearch>();
  const campaignId = () => Number(params.id);
  dropUnitFilterOutOfReach(() => search.unit, () => setSearch({ unit: undefined, assignee: undefined, page: undefined }));
  const list = (): ListName => props.list;
  const [campaign] = createResource(campaignId, (id) => api.campaign(id));
  usePageTitle(() => listTitles[list()], campaign);

  const filters = createMemo(
    (): ListFilters => {
      const out: Record<string, string> = {};
      for (const key of filterKeys) {
        const value = search[key];
        if (typeof value === 'string' && value !== '') out[key] = value;
      }
      return out as ListFilters;
    },
    {},
    { equals: sameJson },
  );

  // The order and the page live in the address, so that a reload, Back or a shared link shows the same rows.
  const sort = createMemo((): ListSort | null => sortInAddress(list(), search.sort), null, { equals: sameJson });
  const pageNumber = () => pageInAddress(search.page);
  const [page, { refetch }] = createResource(
    () => ({ id: campaignId(), list: list(), filters: filters(), sort: sort(), offset: offsetOf(pageNumber()) }),
    (source) => listsApi.page(source.id, source.list, source.filters, source.sort, { limit: pageSize, offset: source.offset }),
  );
  const shown = () => unlessFailed(page);
  const first = () => offsetOf(pageNumber()) + 1;
  const toPage = (n: number, options: { replace?: boolean } = {}) => setSearch({ page: pageParam(n) }, options);
  let listMain: HTMLElement | undefined;
  // Another page from its pager, at the list's foot: read from its first row, not from where the last one was left.
  const turnTo = (n: number) => {
    toPage(n);
    listMain?.scrollTo({ top: 0 });
    // Where the page itself scrolls rather than its list (a narrow screen), to the list's top.
    if ((listMain?.getBoundingClientRect().top ?? 0) < 0) listMain?.scrollIntoView({ block: 'start' });
  };
  // A page past the end (a bookmark kept while items closed) is the last page that has rows, in place of it in the history.
  createEffect(() => {
    const read = page.state === 'ready' ? page() : undefined;
    if (read !== undefined && read.items.length === 0 && read.total > 0 && pageNumber() > 1) toPage(lastPageOf(read.total), { replace: true });
  });
  /** The sortable headings of the clue and problem lists: the order shown, and a click's new order from the first page. */
  const sorting = (): HeadingSort | undefined => {
    const order = sort();
    if (order === null) return undefined;
    return { order, onSort: (column) => setSearch({ sort: sortAddressParam(sortAfterClick(order, column)), page: undefined }) };
  };

  // The batch (批量处理): cleared when the list or its filters change; once a batch is done, only the rows it left stay.
  const mayChange = () => ['office', 'lead', 'officer'].includes(me()?.role ?? '');
  const rows = createRowSelection({
    page: () => shown()?.items ?? [],
    total: () => shown()?.total ?? 0,
    readAll: async (most) => (await readUpTo(most)).page.items,
  });
  createEffect(on([list, filters], () => rows.clear(), { defer: true }));
  const [batchAction, setBatchAction] = createSignal<BatchAction | null>(null);
  // What others change (a move, an edit, an import) shows within seconds, as on the board: the page is read again once
  // the changes pause. Not while a batch's dialog is open: its rows stay those the user ticked (it reads them again once done).
  // Read so, the page does not fade as a read the user asked for does.
  const [liveReading, setLiveReading] = createSignal(false);
  useLiveRefresh(campaignId, () => {
    if (batchAction() !== null || page.loading) return;
    setLiveReading(true);
    void Promise.resolve(refetch()).finally(() => setLiveReading(false));
  });

  /** The filtered list from its start, page after page of 500, until `most` items are read or it ends. */
  async function readUpTo(most: number): Promise<{ page: ListPage; truncated: boolean }> {
    const items: ListPage['items'] = [];
    let cursor: string | null = null;
    let last: ListPage;
    do {
      last = await listsApi.page(campaignId(), list(), filters(), sort(), { limit: 500, cursor });
      items.push(...last.items);
      cursor = last.next;
    } while (cursor !== null && items.length < most);
    return { page: { ...last, items, next: null }, truncated: cursor !== null };
  }

  // Printing takes the whole filtered list, not the page on screen (the button or Ctrl+P); a list of a sheaf no
  // printer takes points to the Excel export instead.
  const printOfferNow = () => printOffer(shown()?.total ?? 0);
  const { printed, preparing, printWhole } = createWholeListPrint({
    read: readUpTo,
    printable: () => page.error === undefined && shown() !== undefined && printOfferNow() === 'whole',
    // A page of the whole list that could not be read (the network, a restart): nothing is printed, and it says why.
    failed: (error) => toast(() => `${lt('printFailed')}${colon()}${refusalText(error)}`),
  });

  /** The export of the list shown; none while the server refuses its filters (the file would be the refusal). */
  const download = (format: 'csv' | 'xlsx') => (page.error !== undefined ? undefined : listDownloadUrl(campaignId(), list(), filters(), sort(), format, lang()));
  /** The filters on screen, in words, for the printed page's heading. */
  const filterText = () => {
    const detail = campaign();
    const f = filters();
    if (detail === undefined) return '';
    const parts: string[] = [];
    const unit = detail.units.find((u) => u.id === f.unit);
    if (unit !== undefined) parts.push(named(unit));
    const category = detail.categories.find((c) => String(c.id) === f.category);
    if (category !== undefined) parts.push(named(category));
    if (f.category === 'none') parts.push(lt('uncategorised'));
    if (f.state !== undefined) {
      const state = (clueStateLabels as Record<string, Label | undefined>)[f.state] ?? (problemStateLabels as Record<string, Label | undefined>)[f.state];
      parts.push(state === undefined ? f.state : tr(state));
    }
    if (f.assignee === 'none') parts.push(lt('unassigned'));
    else if (f.assignee !== undefined) parts.push(shown()?.items.find((i) => String(i.assigneeId) === f.assignee)?.assigneeName ?? `#${f.assignee}`);
    if (f.overdue === 'true') parts.push(lt('overdueOnly'));
    if (f.quiet !== undefined) parts.push(quietLabel(f.quiet));
    if (f.q !== undefined) parts.push(`“${f.q}”`);
    return parts.join(' · ');
  };

  return (
    <div class="app list-app">
      <TopBar>
        {/* Not a heading: the list's own heading below (campaign · list, as printed) is the page's one h1. */}
        <div class="campaign-head">
          <Show when={campaign()}>{(detail) => <div class="campaign-name">{named(detail())}</div>}</Show>
        </div>
      </TopBar>
      <Show when={campaign()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => (
          <>
            <div class="toolbar list-toolbar">
              <nav class="segmented" aria-label={lt('lists')} data-testid="list-tabs">
                <For each={listNames}>
                  {(name) => (
                    <A href={`/campaigns/${campaignId()}/lists/${name}`} class="list-tab" activeClass="active" end data-testid={`list-tab-${name}`}>
                      {tr(listTitles[name])}
                    </A>
                  )}
                </For>
              </nav>
              <span class="list-spacer" />
              <a class="button" href={download('csv')} aria-disabled={download('csv') === undefined} download="" data-testid="export-csv">
                {lt('exportCsv')}
              </a>
              <a class="button" href={download('xlsx')} aria-disabled={download('xlsx') === undefined} download="" data-testid="export-xlsx">
                {lt('exportXlsx')}
              </a>
              <button
                type="button"
                class="button primary"
                data-testid="print"
                aria-busy={preparing()}
                disabled={preparing() || page.error !== undefined || printOfferNow() === 'tooMany'}
                onClick={() => void printWhole()}
              >
                {preparing() ? lt('preparingPrint') : printOfferNow() === 'tooMany' ? lt('printTooMany', { n: count(maxPrinted) }) : lt('print')}
              </button>
            </div>
            {/* Other filters, other rows: from the first page again. */}
            <ListFilterBar campaign={detail()} list={list()} filters={filters()} onChange={(change) => setSearch({ ...change, page: undefined })} />
            <main ref={listMain} class="list-page" classList={{ 'is-loading': page.loading && !liveReading() }} data-testid="list-page" data-list={list()}>
              <header class="list-heading">
                <h1>
                  {named(detail())} · {tr(listTitles[list()])}
                </h1>
                <p class="muted">
                  <Show when={filterText() !== ''}>
                    {lt('filtersApplied')}
                    {colon()}
                    {filterText()}
                  </Show>
                  {/* When it was read; nothing when the read failed (the line below says why). */}
                  <Show when={shown()}>
                    {(read) => (
                      <>
                        <Show when={filterText() !== ''}> · </Show>
                        {lt('generatedAt')} {dateTime(read().now, detail().timeZone)}
                        {/* Once concluded, the rows' 时限状态 and the groups' overdue stand at the conclusion, not at the reading. */}
                        <Show when={detail().state === 'concluded'}>
                          {' · '}
                          <span title={t('deadlinesAsOfTitle')} data-testid="deadlines-as-of">
                            {t('deadlinesAsOf')} {dateTime(read().asOf, detail().timeZone)}
                          </span>
                        </Show>
                      </>
                    )}
                  </Show>
                </p>
              </header>
              <Switch>
                <Match when={page.error !== undefined}>
                  <ReadFailed what={lt('failed')} error={page.error} fieldName={filterName} />
                </Match>
                <Match when={printed()}>
                  {(whole) => (
                    <>
                      <ListTable list={whole().page.list} items={whole().page.items} groups={whole().page.groups} campaign={detail()} />
                      {/* Every row read is printed: the count is theirs. Cut short (the list grew past the most while read), it says so. */}
                      <Show
                        when={whole().truncated}
                        fallback={
                          <div class="list-pager" data-testid="print-total">
                            <span>{lt('printedTotal', { total: count(whole().page.items.length) })}</span>
                          </div>
                        }
                      >
                        <p class="muted" data-testid="print-truncated">
                          {lt('printTruncated', { n: count(maxPrinted), total: count(whole().page.total) })}
                        </p>
                      </Show>
                    </>
                  )}
                </Match>
                <Match when={shown()}>
                  {(current) => (
                    <>
                      <Show when={mayChange() && rows.size() > 0}>
                        <BatchBar
                          selected={rows.selected()}
                          total={current().total}
                          selectAll={rows.selectAllState()}
                          upTo={rows.selectAllUpTo()}
                          selectingAll={rows.selectingAll()}
                          maxSelected={maxBatchItems}
                          onSelectAll={() => void rows.selectAll()}
                          onClear={rows.clear}
                          onAction={setBatchAction}
                        />
                      </Show>
                      <Show when={current().items.length > 0} fallback={<p class="list-empty" data-testid="list-empty">{lt('none')}</p>}>
                        <ListTable
                          list={current().list}
                          items={current().items}
                          groups={current().groups}
                          campaign={detail()}
                          {...(mayChange() && { selection: rows.selection })}
                          sort={sorting()}
                        />
                      </Show>
                      <Show when={batchAction()}>
                        {(action) => (
                          <BatchDialog
                            action={action()}
                            items={rows.selected()}
                            campaign={detail()}
                            now={current().now}
                            onClose={(outcome) => {
                              // Read before the dialog closes: its accessor is stale once the batch is gone.
                              const skipped = planOf(rows.selected(), action()).skipped;
                              setBatchAction(null);
                              if (outcome === null) return;
                              // The rows changed are done; those it left, or never sent (not theirs to take the change), stay
                              // ticked, for the same change (what was typed kept) or another.
                              rows.keepOnly(keptSelected(outcome, skipped));
                              void refetch();
                            }}
                          />
                        )}
                      </Show>
                      <div class="list-pager" data-testid="list-pager">
                        <span data-testid="list-total" data-total={current().total}>
                          {current().total === 0
                            ? ''
                            : lt('shown', { from: count(first()), to: count(first() + current().items.length - 1), total: count(current().total) })}
                          {/* The browser's print from its menu cannot wait to read the rest: on paper, this page says it is one page. */}
                          <Show when={current().items.length < current().total}>
                            <span class="list-print-only" data-testid="print-partial">
                              {' '}
                              {lt('printedPartly', { print: lt('print') })}
                            </span>
                          </Show>
                        </span>
                        <button type="button" class="button" data-testid="page-previous" disabled={pageNumber() === 1} onClick={() => turnTo(pageNumber() - 1)}>
                          {lt('previous')}
                        </button>
                        <button
                          type="button"
                          class="button"
                          data-testid="page-next"
                          disabled={current().next === null}
                          onClick={() => turnTo(pageNumber() + 1)}
                        >
                          {lt('next')}
                        </button>
                      </div>
                    </>
                  )}
                </Match>
              </Switch>
            </main>
          </>
        )}
      </Show>
    </div>
  );
}
