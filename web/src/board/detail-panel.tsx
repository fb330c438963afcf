import { For, Match, Show, Switch, createEffect, createMemo, createResource, on, onCleanup, onMount, type JSX } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { api, type CampaignDetail, type HistoryEntry, type ItemDetail, type ItemKind } from '../api/client';
import { messages } from '../i18n/messages';
import { categoryNamed, colon, lang, series, t, tr, unitNamed } from '../i18n/i18n';
import { eventLabel, levelLabels, problemKindLabel, sourceLabel, stateLabel } from './domain-labels';
import { figureLabel, organisationTypeLabel } from './outcome-labels';
import { figure } from './format';
import { calendarDay, dateTime, dueDate } from '../ui/dates';
import { DetailActions, typicalOf } from './detail-actions';
import { ItemEscalations } from '../escalations/item-escalations';
import { CluePartsSection } from '../intake/clue-parts';
import { SharedNumbersSection } from '../intake/shared-numbers';
import { unlessGone } from '../api/unless-gone';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { AttachmentsSection } from '../attachments/attachments-section';
import { FileInHistory, filesNamed } from '../attachments/file-in-history';
import { askedUntil, extendedUntil, extensionsInState } from '../deadlines/extension-history';
import { xm } from '../deadlines/messages';
import { takeAnswer } from '../deadlines/answer-request';
import { importLabels, importedWith } from './history-import';
import { editedFields, editedValues, type EditedValue } from './history-edit';

/** Context keys the panel shows elsewhere or not at all. */
const shownAbove = new Set(['campaignId', 'unitId', 'categoryId', 'assigneeId', 'title', 'enteredAt', 'dueAt', 'typical', 'attachments', 'extensionRequest']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyLabel(key: string): Label {
  return key in messages ? messages[key as keyof typeof messages] : figureLabel(key);
}

/** One value of an item's context, readable: labels for codes, dates in the campaign's zone, figures grouped. */
function ContextValue(props: { name: string; value: unknown; timeZone: string }): JSX.Element {
  const v = () => props.value;
  return (
    <Switch fallback={<span>{String(v())}</span>}>
      <Match when={v() === null || v() === '' || (Array.isArray(v()) && (v() as unknown[]).length === 0)}>
        <span class="muted">—</span>
      </Match>
      <Match when={props.name === 'source' && typeof v() === 'string'}>{tr(sourceLabel(String(v())))}</Match>
      <Match when={props.name === 'problemKind' && typeof v() === 'string'}>{tr(problemKindLabel(String(v())))}</Match>
      <Match when={props.name.endsWith('At') && typeof v() === 'string'}>{dateTime(String(v()), props.timeZone)}</Match>
      <Match when={Array.isArray(v())}>{series((v() as unknown[]).map((id) => `#${String(id)}`))}</Match>
      <Match when={props.name === 'mergedInto' && typeof v() === 'number'}>#{String(v())}</Match>
      <Match when={typeof v() === 'number'}>{figure(v() as number)}</Match>
      <Match when={isRecord(v()) ? (v() as Record<string, unknown>) : undefined}>
        {(record) => (
          <dl class="figures">
            <For each={Object.entries(record())}>
              {([key, value]) => (
                <>
                  <dt>{tr(keyLabel(key))}</dt>
                  <dd>{key === 'organisationType' ? tr(organisationTypeLabel(String(value))) : typeof value === 'number' ? figure(value) : String(value)}</dd>
                </>
              )}
            </For>
          </dl>
        )}
      </Match>
    </Switch>
  );
}

/** The other clue a merge entry names: the clue merged in (on the survivor), or the one merged into. */
function linkedClue(entry: HistoryEntry): number | null {
  const { sourceId, targetId } = entry.payload as { sourceId?: unknown; targetId?: unknown };
  const id = entry.event === 'clue.absorb' ? sourceId : entry.event === 'clue.merge' ? targetId : undefined;
  return typeof id === 'number' ? id : null;
}

/** The words an entry carries (a note, a reason, a conclusion, a case number, a typical case's summary, a rectification's measures), each with its label but the note's own. */
const saidKeys = ['text', 'caseNumber', 'conclusion', 'summary', 'reason', 'note', 'measures'] as const;
function said(entry: HistoryEntry): { key: (typeof saidKeys)[number]; text: string }[] {
  const rectification = isRecord(entry.payload.rectification) ? entry.payload.rectification : {};
  return saidKeys.flatMap((key) => {
    const value = key === 'measures' ? rectification.measures : entry.payload[key];
    return typeof value === 'string' && value !== '' ? [{ key, text: value }] : [];
  });
}

/**
 * The figures an entry recorded (a solve's outcome, the people sent for
 * prosecution, a rectification's sites and accounts), as the reports count
 * them: each one that is not 0, and the kind of organisation broken. Kept in
 * the history so an earlier round's figures stay readable after a later one.
 */
function recordedFigures(entry: HistoryEntry): { label: Label; value: Label }[] {
  const groups = [entry.payload.outcome, entry.payload.rectification, { sentForProsecution: entry.payload.sentForProsecution }];
  return groups.flatMap((group) =>
    isRecord(group)
      ? Object.entries(group).flatMap(([key, value]) => {
          if (key === 'organisationType') return typeof value === 'string' && value !== 'none' ? [{ label: keyLabel(key), value: organisationTypeLabel(value) }] : [];
          return typeof value === 'number' && value !== 0 ? [{ label: keyLabel(key), value: { zh: figure(value), en: figure(value) } }] : [];
        })
      : [],
  );
}

/** The day an extension gave, or a request asked for, as the entry's line names it. */
function deadlineDay(entry: HistoryEntry): { until: string; text: 'extendedTo' | 'askedTo'; testId: string } | null {
  const extended = extendedUntil(entry);
  if (extended !== null) return { until: extended, text: 'extendedTo', testId: 'extended-until' };
  const asked = askedUntil(entry);
  return asked === null ? null : { until: asked, text: 'askedTo', testId: 'asked-until' };
}

/** Whom an entry gave the item to: a named person, nobody (an assignment taken back), or null when it assigned no one. */
function assignedTo(entry: HistoryEntry): string | null {
  if (!('assigneeId' in entry.payload)) return null;
  if (entry.payload.assigneeId === null) return entry.event.endsWith('.assign') ? t('unassigned') : null;
  return entry.assigneeName;
}

/** The unit a transfer handed the item to. */
function transferredTo(entry: HistoryEntry): string | null {
  const { unitId } = entry.payload;
  return entry.event.endsWith('.transfer') && typeof unitId === 'string' ? unitId : null;
}

/** An edited field as its history says it: a short one with its value before and after (标题（旧 → 新）), the description by name alone. */
function editedText(change: EditedValue, categories: CampaignDetail['categories']): string {
  const name = tr(keyLabel(change.field));
  if (change.field === 'description' || change.from === undefined) return name;
  const value = (v: unknown): string => {
    if (v === null || v === '') return t('emptyValue');
    if (change.field === 'category') return categoryNamed(categories, Number(v)) ?? String(v);
    if (change.field === 'source') return tr(sourceLabel(String(v)));
    if (change.field === 'problemKind') return tr(problemKindLabel(String(v)));
    return String(v);
  };
  return lang() === 'zh' ? `${name}（${value(change.from)} → ${value(change.to)}）` : `${name} (${value(change.from)} → ${value(change.to)})`;
}

function HistoryItem(props: {
  entry: HistoryEntry;
  kind: ItemKind;
  itemId: number;
  timeZone: string;
  unitName: (id: string) => string;
  files: ReadonlyMap<number, string>;
  edits: readonly EditedValue[] | undefined;
  categories: CampaignDetail['categories'];
}) {
  // An entry never changes once written: its figures are read once, in the language of the moment (tr below).
  const figures = recordedFigures(props.entry);
  const moved = () => props.entry.fromState !== null && props.entry.toState !== null && props.entry.fromState !== props.entry.toState;
  return (
    <li class="history-entry">
      <div class="history-head">
        <span class="history-event">{tr(eventLabel(props.entry.event))}</span>
        <time class="muted">{dateTime(props.entry.at, props.timeZone)}</time>
      </div>
      <div class="history-body">
        <span>{props.entry.actorName ?? t('system')}</span>
        <Show when={linkedClue(props.entry)}>{(id) => <span class="muted"> · #{id()}</span>}</Show>
        <Show when={transferredTo(props.entry)}>{(unit) => <span class="muted" data-testid="transferred-to"> · → {props.unitName(unit())}</span>}</Show>
        <Show when={assignedTo(props.entry)}>{(person) => <span class="muted" data-testid="assigned-to"> · → {person()}</span>}</Show>
        <Show when={deadlineDay(props.entry)}>
          {(day) => (
            <span class="muted" data-testid={day().testId}>
              {' · '}
              {xm(day().text, { date: calendarDay(day().until) })}
            </span>
          )}
        </Show>
        <Show when={moved()}>
          <span class="muted">
            {' · '}
            {tr(stateLabel(props.kind, props.entry.fromState ?? ''))} → {tr(stateLabel(props.kind, props.entry.toState ?? ''))}
          </span>
        </Show>
      </div>
      <Show when={editedFields(props.entry).length > 0}>
        <p class="history-figures muted" data-testid="edited-fields">
          {`${t('editedFields')}${colon()}${series(props.edits?.map((change) => editedText(change, props.categories)) ?? editedFields(props.entry).map((field) => tr(keyLabel(field))))}`}
        </p>
      </Show>
      <Show when={importedWith(props.entry)}>
        {(imported) => (
          <p class="history-figures muted" data-testid="imported-with">
            {`${tr(importLabels.imported)} · ${tr(importLabels.batch)} `}
            <code>{imported().batch}</code>
            <Show when={imported().sourceRef}>{(ref) => ` · ${tr(importLabels.sourceRef)} ${ref()}`}</Show>
          </p>
        )}
      </Show>
      <FileInHistory entry={props.entry} kind={props.kind} itemId={props.itemId} files={props.files} />
      <Show when={figures.length > 0}>
        <p class="history-figures muted" data-testid="said-figures">
          {figures.map((f) => `${tr(f.label)} ${tr(f.value)}`).join(' · ')}
        </p>
      </Show>
      <For each={said(props.entry)}>
        {(words) => (
          <p class="history-said" data-testid={`said-${words.key}`}>
            <Show when={words.key !== 'text'}>
              <span class="muted">
                {tr(keyLabel(words.key))}
                {colon()}
              </span>
            </Show>
            {words.text}
          </p>
        )}
      </For>
    </li>
  );
}

/** The side panel of one card: its fields, its context, and its audit history. */
export function DetailPanel(props: {
  kind: ItemKind;
  id: number;
  campaign: CampaignDetail;
  revision: number;
  mayAct: boolean;
  /** The server's instant, as the board last read it. */
  now: () => string;
  onChanged: (states: readonly string[]) => void;
  /** Something the campaign's detail says changed (its file storage): it is read again. */
  onCampaignChanged: () => void;
  /** Moves the item as the board does (a drop, the card's menu): at once, or through the move's dialog. */
  onMove: (item: ItemDetail, to: string) => void;
  onClose: () => void;
}) {
  const key = () => ({ kind: props.kind, id: props.id, revision: props.revision });
  // Kept as last read when a read again fails, and tried again: the board stays, the panel shows what it had.
  const [itemRead, { refetch: refetchItem }] = createResource(key, (k) => unlessGone(api.item(k.kind, k.id)));
  const [historyRead, { refetch: refetchHistory }] = createResource(key, (k) => unlessGone(api.history(k.kind, k.id)));
  const item = keptRead(itemRead, refetchItem);
  const history = keptRead(historyRead, refetchHistory);
  const files = createMemo(() => filesNamed(history() ?? []));
  const edits = createMemo(() => editedValues(history() ?? []));
  const extensions = createMemo(() => extensionsInState(history() ?? []));
  const tz = () => props.campaign.timeZone;
  const unitName = (id: string) => unitNamed(props.campaign.units, id);
  const categoryName = (id: number | null) => categoryNamed(props.campaign.categories, id) ?? '—';
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && document.querySelector('[role="dialog"]') === null) props.onClose();
  };
  let panel: HTMLElement | undefined;
  onMount(() => {
    document.addEventListener('keydown', onKey);
    // Opened from a card by the keyboard, the panel is where the user goes next: focus it (its label is read),
    // so Tab reaches its controls rather than the rest of the board's cards; closing it returns focus to the card.
    panel?.focus({ preventScroll: true });
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
  // Whether the keyboard is in the drawer: set as focus comes in, cleared as it goes to anything outside. A control
  // that had it and is drawn anew as the item is read again (a request sent, an answer given) takes it with it, and
  // the focus fell to the page's body: it stays in the drawer instead.
  let keyboardIn = false;
  const followFocus = (event: FocusEvent) => {
    keyboardIn = event.target instanceof Node && panel?.contains(event.target) === true;
  };
  onMount(() => {
    keyboardIn = panel?.contains(document.activeElement) === true;
    document.addEventListener('focusin', followFocus);
  });
  onCleanup(() => document.removeEventListener('focusin', followFocus));
  createEffect(
    on(item, () =>
      requestAnimationFrame(() => {
        if (keyboardIn && (document.activeElement === null || document.activeElement === document.body)) panel?.focus({ preventScroll: true });
      }),
    ),
  );
  // Opened to answer its request for more time (the inbox's 审批): the request's Grant (or Decline) in view, and focused.
  createEffect(
    on(item, (shown) => {
      if (shown === null || shown === undefined || !takeAnswer(shown.kind, shown.id)) return;
      requestAnimationFrame(() => {
        const answer = panel?.querySelector<HTMLElement>('[data-testid=extension-grant]') ?? panel?.querySelector<HTMLElement>('[data-testid=extension-decline]');
        answer?.scrollIntoView({ block: 'center' });
        answer?.focus({ preventScroll: true });
      });
    }),
  );

  return (
    <aside ref={panel} class="detail-panel" data-testid="detail-panel" aria-label={t('details')} tabIndex={-1}>
      <header class="detail-header">
        <span class="card-id">#{props.id}</span>
        <button type="button" class="button ghost icon" aria-label={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <Show when={item() !== null} fallback={<p class="detail-gone" data-testid="detail-gone">{t('itemGone')}</p>}>
        <WhenRead read={item()} error={itemRead.error} what={t('itemFailed')} loading={<div class="detail-loading">{t('loading')}</div>} class="detail-failed" testid="detail-failed">
          {(detail) => (
            <div class="detail-scroll" data-item={detail().id}>
              <h2 class="detail-title">{detail().title}</h2>
              <div class="detail-badges">
                <span class={`state-pill state-${detail().state}`}>{tr(stateLabel(props.kind, detail().state))}</span>
                <span class={`level-badge level-${detail().level}`}>{tr(levelLabels[detail().level] ?? { zh: '', en: '' })}</span>
                <Show when={typicalOf(detail())}>
                  <span class="level-badge typical-badge" data-testid="typical-badge">
                    {t('typicalCase')}
                  </span>
                </Show>
              </div>
              {/* The moves the server allows, where one who opened the item to read it looks next: a card's menu and a drag were the only ways. */}
              <Show when={props.mayAct && detail().allowed.length > 0}>
                <div class="detail-moves" role="group" aria-label={t('moveMenuTitle')} data-testid="detail-moves">
                  <span class="muted">{t('moveMenuTitle')}</span>
                  <For each={detail().allowed}>
                    {(move) => (
                      <button type="button" class="button small" title={tr(eventLabel(move.event))} data-testid={`detail-move-${move.to}`} onClick={() => props.onMove(detail(), move.to)}>
                        {tr(stateLabel(props.kind, move.to))}
                      </button>
                    )}
                  </For>
                </div>
              </Show>
              <Show when={typicalOf(detail())}>
                {(typical) => (
                  <section class="detail-typical" data-testid="detail-typical">
                    <h3>{t('typicalCase')}</h3>
                    <p class="typical-summary">{typical().summary}</p>
                    <p class="muted">
                      {t('typicalChosenAt')} {dateTime(typical().markedAt, tz())}
                    </p>
                  </section>
                )}
              </Show>
              <ItemEscalations item={detail()} campaign={props.campaign} revision={props.revision} />
              <section>
                <h3>{t('fields')}</h3>
                <dl class="detail-fields">
                  <dt>{t('unit')}</dt>
                  <dd>{unitName(detail().unitId)}</dd>
                  <dt>{t('category')}</dt>
                  <dd>{categoryName(detail().categoryId)}</dd>
                  <dt>{t('assignee')}</dt>
                  <dd>{detail().assigneeName ?? t('unassigned')}</dd>
                  <dt>{t('enteredAt')}</dt>
                  <dd>{dateTime(detail().enteredAt, tz())}</dd>
                  <dt>{t('due')}</dt>
                  <dd>
                    {detail().dueAt === null ? t('noDue') : dueDate(detail().dueAt ?? '', tz())}
                    <Show when={extensions() > 0}>
                      <span class="extended-mark muted" data-testid="extended-mark">
                        {xm('extendedMark', { n: extensions() })}
                      </span>
                    </Show>
                  </dd>
                  <For each={Object.entries(detail().context).filter(([k]) => !shownAbove.has(k))}>
                    {([name, value]) => (
                      <>
                        <dt>{tr(keyLabel(name))}</dt>
                        <dd data-field={name}>
                          <ContextValue name={name} value={value} timeZone={tz()} />
                        </dd>
                      </>
                    )}
                  </For>
                </dl>
              </section>
              <Show when={props.mayAct}>
                <DetailActions item={detail()} campaign={props.campaign} now={props.now()} onChanged={props.onChanged} />
              </Show>
              <AttachmentsSection
                item={detail()}
                kind={props.kind}
                timeZone={tz()}
                revision={props.revision}
                mayAct={props.mayAct}
                storage={props.campaign.storage}
                onChanged={props.onChanged}
                onStorageChanged={props.onCampaignChanged}
              />
              <Show when={props.kind === 'clue'}>
                <CluePartsSection clueId={props.id} absorbed={Array.isArray(detail().context.absorbed) ? (detail().context.absorbed as unknown[]).length : 0} campaign={props.campaign} revision={props.revision} />
                <SharedNumbersSection clueId={props.id} campaign={props.campaign} revision={props.revision} />
              </Show>
              <section>
                <h3>{t('history')}</h3>
                <WhenRead read={history()} error={historyRead.error} what={t('historyFailed')} loading={<div class="muted">{t('loading')}</div>}>
                  {(entries) => (
                    <ol class="history" data-testid="history">
                      <For each={[...entries()].reverse()}>
                        {(entry) => (
                          <HistoryItem
                            entry={entry}
                            kind={props.kind}
                            itemId={props.id}
                            timeZone={tz()}
                            unitName={unitName}
                            files={files()}
                            edits={edits().get(entry.seq)}
                            categories={props.campaign.categories}
                          />
                        )}
                      </For>
                    </ol>
                  )}
                </WhenRead>
              </section>
            </div>
          )}
        </WhenRead>
      </Show>
    </aside>
  );
}
