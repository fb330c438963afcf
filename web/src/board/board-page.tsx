import { useParams, useSearchParams } from '@solidjs/router';
import { DragDropProvider, DragOverlay, PointerSensor } from '@dnd-kit/solid';
import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { api, type BoardFilters, type CampaignDetail, type Card, type ItemKind } from '../api/client';
import { messages } from '../i18n/messages';
import { named, t, tr } from '../i18n/i18n';
import { toast } from '../ui/toasts';
import { TopBar } from '../ui/top-bar';
import { BoardColumn } from './board-column';
import type { BoardContext } from './board-context';
import { CardFace, cardDragId } from './board-card';
import { createBoardState, type MoveResult } from './board-state';
import { BoardToolbar } from './board-toolbar';
import { DetailPanel } from './detail-panel';
import { MoveDialog, type MoveDraft } from './move-dialog';

type BoardSearch = { kind?: string; unit?: string; category?: string; overdue?: string; q?: string; item?: string };

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** `/campaigns/:id/board`: the Kanban board of one campaign, its filters in the URL. */
export function BoardPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<BoardSearch>();
  const campaignId = () => Number(params.id);
  const [campaign] = createResource(campaignId, (id) => api.campaign(id));
  const kind = (): ItemKind => (search.kind === 'problem' ? 'problem' : 'clue');
  const filters = createMemo(
    (): BoardFilters => ({
      ...(search.unit ? { unit: search.unit } : {}),
      ...(search.category ? { category: search.category } : {}),
      ...(search.overdue === 'true' ? { overdue: 'true' as const } : {}),
      ...(search.q ? { q: search.q } : {}),
    }),
    undefined,
    { equals: sameJson },
  );
  const source = createMemo(() => ({ campaignId: campaignId(), kind: kind(), filters: filters() }), undefined, { equals: sameJson });
  const state = createBoardState(source);
  const [dragging, setDragging] = createSignal<Card | null>(null);
  const [draft, setDraft] = createSignal<MoveDraft | null>(null);
  const [revision, setRevision] = createSignal(0);
  const openId = () => (search.item !== undefined && /^\d+$/.test(search.item) ? Number(search.item) : null);

  const cardById = (id: unknown) => state.columns().flatMap((c) => c.cards).find((card) => cardDragId(card) === id) ?? null;

  function report(result: MoveResult) {
    if (result.ok) {
      if (result.card.id === openId()) setRevision((r) => r + 1);
      return;
    }
    const problem = result.problem;
    if (problem.code === 'version_conflict') toast(() => t('conflict'), 'warning');
    else toast(() => tr(problem.reason));
  }

  /** A move asked for by a drop or the menu: sent at once, or after its dialog when it needs input. */
  function move(card: Card, to: string) {
    if (to === card.state || state.pendingOf(card.id)?.stage === 'sending') return;
    const allowed = card.allowed.find((m) => m.to === to);
    if (allowed !== undefined && allowed.needs.length > 0) {
      state.hold(card, to, 'draft');
      setDraft({ card, to, event: allowed.event, needs: allowed.needs });
      return;
    }
    // Not among the allowed moves (or needing nothing): the server is the judge either way.
    void state.send(card, to).then(report);
  }

  async function submitDraft(current: MoveDraft, payload: Record<string, unknown>): Promise<MoveResult> {
    const result = await state.send(current.card, current.to, payload);
    const fixable = !result.ok && result.problem.fields.length > 0 && result.problem.status === 422;
    if (fixable) {
      // The user can correct the fields: the card stays where it was dropped while the dialog is open.
      state.hold(current.card, current.to, 'draft');
    } else {
      setDraft(null);
      report(result);
    }
    return result;
  }

  function cancelDraft(current: MoveDraft) {
    state.release(current.card.id);
    setDraft(null);
  }

  const context = (detail: CampaignDetail): BoardContext => ({
    timeZone: () => detail.timeZone,
    unitName: (id) => {
      const unit = detail.units.find((u) => u.id === id);
      return unit === undefined ? id : named(unit);
    },
    categoryName: (id) => {
      const category = detail.categories.find((c) => c.id === id);
      return category === undefined ? String(id) : named(category);
    },
    pendingOf: state.pendingOf,
    dragging,
    open: (card) => setSearch({ item: String(card.id) }),
    move,
    loadMore: (s) => void state.loadMore(s),
    loadingMore: (s) => state.loadingMore().has(s),
  });

  const phaseWindow = (detail: CampaignDetail) => {
    const windows: Record<string, { start: string; end: string }> = detail.windows;
    const w = windows[detail.state];
    return w === undefined ? `${detail.startsOn} – ${detail.endsOn}` : `${w.start} – ${w.end}`;
  };

  return (
    <div class="app">
      <TopBar>
        <Show when={campaign()}>
          {(detail) => (
            <div class="campaign-head">
              <h1 class="campaign-name" title={named(detail())}>
                {named(detail())}
              </h1>
              <span class={`phase-pill phase-${detail().state}`} data-testid="phase">
                <span class="phase-label">{t('currentPhase')}</span>
                {tr(campaignStateLabels[detail().state])}
              </span>
              <span class="muted phase-window">{phaseWindow(detail())}</span>
              <Show when={detail().overdue}>
                <span class="level-badge level-2">{t('phaseOverdue')}</span>
              </Show>
            </div>
          )}
        </Show>
      </TopBar>
      <Show when={campaign()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => {
          const ctx = context(detail());
          return (
            <>
              <BoardToolbar
                campaign={detail()}
                kind={kind()}
                filters={filters()}
                onKind={(k) => setSearch({ kind: k === 'clue' ? undefined : k, item: undefined })}
                onFilters={(change) => setSearch(change)}
              />
              <DragDropProvider
                sensors={[PointerSensor]}
                onDragStart={(event) => setDragging(cardById(event.operation.source?.id))}
                onDragEnd={(event) => {
                  const card = dragging();
                  setDragging(null);
                  const target = event.operation.target?.id;
                  if (event.canceled || card === null || typeof target !== 'string' || !target.startsWith('column-')) return;
                  move(card, target.slice('column-'.length));
                }}
              >
                <main class="board" classList={{ 'is-dragging': dragging() !== null, 'is-loading': state.board.loading }} data-testid="board" data-kind={kind()}>
                  <Show when={state.board.error === undefined || state.board.latest !== undefined} fallback={<div class="page-loading">{tr(messages.loading)}</div>}>
                    <For each={state.columns()}>{(column) => <BoardColumn column={column} kind={kind()} context={ctx} />}</For>
                  </Show>
                </main>
                <DragOverlay dropAnimation={null}>
                  <Show when={dragging()}>
                    {(card) => (
                      <article class={`card overlay card-level-${card().level}`}>
                        <CardFace card={card()} context={ctx} />
                      </article>
                    )}
                  </Show>
                </DragOverlay>
              </DragDropProvider>
              <Show when={draft()}>
                {(current) => (
                  <MoveDialog draft={current()} campaign={detail()} onSubmit={(payload) => submitDraft(current(), payload)} onCancel={() => cancelDraft(current())} />
                )}
              </Show>
              <Show when={openId()}>
                {(id) => <DetailPanel kind={kind()} id={id()} campaign={detail()} revision={revision()} onClose={() => setSearch({ item: undefined })} />}
              </Show>
            </>
          );
        }}
      </Show>
    </div>
  );
}
