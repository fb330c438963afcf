import { For, Show } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail, HistoryEntry, ItemKind } from '../api/client';
import { categoryNamed, colon, lang, series, t, tr } from '../i18n/i18n';
import { FileInHistory } from '../attachments/file-in-history';
import { askedUntil, extendedUntil } from '../deadlines/extension-history';
import { xm } from '../deadlines/messages';
import { calendarDay, dateTime } from '../ui/dates';
import { isRecord, keyLabel } from './context-keys';
import { eventLabel, problemKindLabel, sourceLabel, stateLabel } from './domain-labels';
import { figure } from './format';
import { editedFields, type EditedValue } from './history-edit';
import { escalationParts } from './history-escalation';
import { importLabels, importedWith } from './history-import';
import { organisationTypeLabel } from './outcome-labels';

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

/** The day an extension gave, or a request asked for (or a refusal refused: `declined`), as the entry's line names it. */
function deadlineDay(entry: HistoryEntry, declined: string | undefined): { until: string; text: 'extendedTo' | 'askedTo' | 'declinedAskedTo'; testId: string } | null {
  const extended = extendedUntil(entry);
  if (extended !== null) return { until: extended, text: 'extendedTo', testId: 'extended-until' };
  // The day the refused request had asked for, said as the asker's: beside who declined, "asks until" read as theirs.
  if (declined !== undefined) return { until: declined, text: 'declinedAskedTo', testId: 'declined-until' };
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

/** One entry of an item's history in its drawer: who, when, what it moved or changed, and what it said. */
export function HistoryItem(props: {
  entry: HistoryEntry;
  kind: ItemKind;
  itemId: number;
  timeZone: string;
  unitName: (id: string) => string;
  files: ReadonlyMap<number, string>;
  edits: readonly EditedValue[] | undefined;
  categories: CampaignDetail['categories'];
  /** For a refusal of more time, the day it refused (see declinedDays). */
  declined?: string | undefined;
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
        <Show when={deadlineDay(props.entry, props.declined)}>
          {(day) => (
            <span class="muted" data-testid={day().testId}>
              {' · '}
              {xm(day().text, { date: calendarDay(day().until) })}
            </span>
          )}
        </Show>
        <For each={escalationParts(props.entry, props.unitName)}>{(part) => <span class="muted" data-testid="escalation-said">{` · ${tr(part)}`}</span>}</For>
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
                {/* A refusal's reason is the one who declined's, not the asker's. */}
                {words.key === 'reason' && props.entry.event.endsWith('.declineExtension') ? xm('declineReason') : tr(keyLabel(words.key))}
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
