import { createEffect } from 'solid-js';
import type { Card, ItemKind } from '../api/client';
import { coalesce } from '../live/coalesce';
import { subscribeToChanges, type Change } from '../live/live-events';
import { overtakes } from '../live/overtakes';
import type { BoardState } from './board-state';
import { keepPlace, keyboardOnCard, keyboardPlace, type KeyboardPlace } from './live-focus';

export interface LiveBoardOptions {
  readonly state: BoardState;
  readonly campaignId: () => number;
  readonly kind: () => ItemKind;
  readonly dragging: () => Card | null;
  readonly openId: () => number | null;
  /** The campaign's configuration changed (WIP limits, categories, a phase advance, the map). */
  readonly onCampaignChanged: () => void;
  /** An escalation changed: the inbox count and an open panel may show it. */
  readonly onEscalation: () => void;
  /** The item open in the detail panel changed. */
  readonly onOpenItemChanged: () => void;
  /** Any clue or problem of the campaign changed, of either board (the inbox's requests for more time follow). */
  readonly onItemChange: (change: Change) => void;
}

/**
 * Someone else's changes, from the change stream: re-read only the columns
 * they touch. While a card is being dragged the board is left alone (the
 * drag library holds its elements); what arrived meanwhile is read when
 * the drag ends, and a change to the dragged card itself is remembered, so
 * the drop can be refused rather than applied to a card that moved on. A
 * change to the card the keyboard is on, or a reset of the stream, keeps the
 * keyboard's place (see keepPlace) once its columns are drawn again.
 */
export function createLiveBoard(options: LiveBoardOptions) {
  const { state } = options;
  const waiting = new Set<string>();
  let overtaken = false;
  const allStates = () => state.columns().map((c) => c.state);

  // Where the keyboard was on cards changed since the last re-read was sent, by card.
  let places: readonly KeyboardPlace[] = [];
  // An import or a bulk change sends a change per item: the columns are re-read one read at a time, gathered.
  const refreshColumns = coalesce<string>(async (states) => {
    const changed = places;
    places = [];
    await state.refreshStates([...states]);
    for (const place of changed) keepPlace(place);
  });
  const refresh = (states: readonly string[]) => {
    if (options.dragging() !== null) {
      for (const s of states) waiting.add(s);
      return;
    }
    refreshColumns(states);
  };

  // Whether the board has yet to show a change: not the user's own move, on its way or shown already.
  const isNews = (change: Change) => {
    if (state.pendingOf(change.subjectId) !== undefined) return false;
    const shown = state.columns().flatMap((c) => c.cards).find((card) => card.id === change.subjectId);
    return shown === undefined || change.version > shown.version;
  };

  const onChange = (change: Change) => {
    if (change.campaignId !== options.campaignId()) return;
    if (change.subject === 'escalation') {
      options.onEscalation();
      return;
    }
    if (change.subject === 'campaign') {
      // A configuration change shows on the cards and column heads too: re-read every column,
      // keeping scroll, filters and any open dialog. The map shows on neither.
      options.onCampaignChanged();
      if (change.event !== 'campaign.map' && change.event !== 'campaign.map_remove') refresh(allStates());
      return;
    }
    options.onItemChange(change);
    if (change.subject !== options.kind()) return;
    const held = options.dragging();
    if (held !== null && held.id === change.subjectId && overtakes(change, held.version)) overtaken = true;
    const known = state.columns().find((c) => c.cards.some((card) => card.id === change.subjectId))?.state;
    // The card held in a drag has the focus too: the drop says itself that the card moved on.
    const place = held?.id === change.subjectId ? null : keyboardPlace(change, options.kind());
    if (place !== null && isNews(change)) places = [...places.filter((p) => p.id !== place.id), place];
    const states = [change.fromState, change.toState, known].filter((s): s is string => typeof s === 'string');
    refresh(states.length > 0 ? states : allStates());
    if (change.subjectId === options.openId()) options.onOpenItemChanged();
  };

  // The stream starts where the first board read stands: what changed while it was on its way is replayed.
  const firstRead = new Promise<number | null>((resolve) => {
    createEffect(() => {
      const read = state.shown();
      // A board not read (its read failed, or the page refused its address) starts the stream from now: the board read
      // once the address is mended is newer than that, and an indicator stuck on "reconnecting" would be wrong.
      if (state.board.error !== undefined || state.refused()) resolve(null);
      else if (read !== undefined) resolve(read.seq);
    });
  });
  // Too much changed to be sent change by change (a large import): anything on the page may be out of date.
  const onReset = () => {
    // Which card changed is not said: the keyboard's card, wherever the re-read draws it, keeps the keyboard's place.
    const place = options.dragging() === null ? keyboardOnCard(options.kind()) : null;
    if (place !== null) places = [...places.filter((p) => p.id !== place.id), place];
    // A board whose first read failed (the network down as it opened) has no columns to re-read: it is read whole.
    if (state.board.error !== undefined) void state.refetch();
    else refreshColumns(allStates());
    options.onCampaignChanged();
    options.onEscalation();
    options.onOpenItemChanged();
  };
  const live = subscribeToChanges({ onChange, onReset, from: firstRead });

  return {
    status: live.status,
    /**
     * Call when a drag ends (after clearing the dragged card): reads the columns
     * changed meanwhile, and says whether the dragged card was changed by
     * someone else during the drag.
     */
    dragEnded(): { readonly overtaken: boolean } {
      const wasOvertaken = overtaken;
      overtaken = false;
      const states = [...waiting];
      waiting.clear();
      if (states.length > 0) refreshColumns(states);
      return { overtaken: wasOvertaken };
    },
  };
}
