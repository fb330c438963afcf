import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Label } from '../../../engine/labels';
import {
  answerOfFailure,
  mergeNotice,
  mergeTargetSaid,
  typedClueNumber,
  type LookedUp,
  type MergeCandidate,
  type MergeReader,
  type MergeSource,
  type TargetSaid,
} from './merge-target';
import type { FieldErrors } from './payload-fields';
import { api, type CampaignDetail } from '../api/client';
import { me } from '../session/session';

/** How long typing rests before the number typed is looked up: one read for "123", not one for each of 1, 12, 123. */
const lookupDelay = 300;

/** What a merge's number field knows of the clue it names, as the drawer's form, the move dialog and a batch show it. */
export interface MergeLookup {
  /** What is said of the number typed (see mergeTargetSaid). */
  readonly said: Accessor<TargetSaid>;
  /** The field errors with the number's own refusal at `targetId`, unless the server's word on it still stands. */
  readonly errors: Accessor<FieldErrors>;
  /** The clue the merge may go into, shown; null until one is (and while the server's refusal of the number stands). */
  readonly target: Accessor<MergeCandidate | null>;
  /** The line under the number (what to type, looking, the target), or null when its refusal is said as its error. */
  readonly notice: Accessor<Label | null>;
}

/**
 * Inside a component: the clue number typed for a merge, looked up after a pause in typing, and what is said of it
 * for the clues merged. `serverErrors` are the fields the server refused, kept until the field is typed in again.
 */
export function useMergeLookup(options: {
  typed: Accessor<string>;
  sources: Accessor<readonly MergeSource[]>;
  reader: MergeReader;
  units: Accessor<readonly { id: string; nameZh: string; nameEn: string }[]>;
  lookUp: (id: number) => Promise<MergeCandidate>;
  serverErrors: Accessor<FieldErrors>;
}): MergeLookup {
  const [lookedUp, setLookedUp] = createSignal<LookedUp | null>(null);
  const typedId = createMemo(() => typedClueNumber(options.typed()));
  createEffect(
    on(typedId, (id) => {
      // Nothing typed, no clue number, or one of the clues merged: said without asking the server.
      if (id === null || Number.isNaN(id) || options.sources().some((source) => source.id === id)) return;
      const timer = setTimeout(() => {
        options.lookUp(id).then(
          (found) => setLookedUp({ id, answer: { found } }),
          (error: unknown) => setLookedUp({ id, answer: answerOfFailure(error) }),
        );
      }, lookupDelay);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const said = createMemo(() => mergeTargetSaid(options.typed(), options.sources(), options.reader, lookedUp(), options.units()));
  // The server's word on the number (a refusal once sent) stands until the number is typed again; else the field's own.
  const errors = createMemo((): FieldErrors => {
    const own = said();
    const server = options.serverErrors();
    return own.kind === 'refused' && server.targetId === undefined ? { ...server, targetId: own.reason } : server;
  });
  // Typed again, the number's error is gone (the dialogs drop it on input): the server's refusal no longer stands.
  const refusedByServer = () => options.serverErrors().targetId !== undefined;
  const target = () => {
    const now = said();
    return now.kind === 'ready' && !refusedByServer() ? now.target : null;
  };
  const notice = () => mergeNotice(said(), refusedByServer());
  return { said, errors, target, notice };
}

/**
 * {@link useMergeLookup} as the board's dialogs (a card's move, a batch) use it: the reader signed in (the office
 * merges across units), the campaign's units, and the clue read as the drawer reads it.
 */
export function useBoardMergeLookup(options: {
  campaign: CampaignDetail;
  typed: Accessor<string>;
  sources: Accessor<readonly MergeSource[]>;
  serverErrors: Accessor<FieldErrors>;
}): MergeLookup {
  return useMergeLookup({
    typed: options.typed,
    sources: options.sources,
    reader: { mayCrossUnits: me()?.role === 'office' },
    units: () => options.campaign.units,
    lookUp: (id) => api.item('clue', id),
    serverErrors: options.serverErrors,
  });
}
