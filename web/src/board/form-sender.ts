import { createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { ApiProblem, type ItemDetail } from '../api/client';
import { answerLost } from '../api/retry-keys';
import { messages } from '../i18n/messages';
import { reasonBesideFields, serverErrors, type FieldErrors } from './payload-fields';

/** The drawer's forms (see DetailActions): the drafted ones (drafted-actions.tsx) and the note and typical-case summary. */
export type Action = 'note' | 'edit' | 'transfer' | 'extend' | 'ask' | 'decline' | 'merge' | 'typical' | 'untypical';

/** A form's request as it was sent, to be sent again as it was (see `unanswered`). */
export interface Sent<Done> {
  readonly action: Action | null;
  /** The item it was sent to. */
  readonly kind: ItemDetail['kind'];
  readonly id: number;
  /** The item's version it went with. */
  readonly version: number;
  readonly request: () => Promise<unknown>;
  readonly done: Done;
  readonly states: readonly string[];
  readonly changed: (states: readonly string[]) => void;
}

/** What sending a form needs of the drawer: the item as it is now, the form open and the version it was opened on. */
export interface SenderWiring<Done> {
  readonly item: () => ItemDetail;
  readonly action: () => Action | null;
  readonly version: () => number;
  readonly onChanged: (states: readonly string[]) => void;
  /** The request went through: the toast, the form's draft dropped, the form closed. */
  readonly sent: (sent: Sent<Done>) => void;
  /** An edit sent again after its answer was lost was refused over someone else's change: it goes on from theirs. */
  readonly rebaseEdit: (now: ItemDetail) => void;
  /** Any other form was refused over someone else's change: it goes on from the item as it is now, saying what they did. */
  readonly refused: () => void;
}

/**
 * How the drawer's forms are sent, and what a lost answer or a refusal does to
 * the open form: whether a request is on its way, how the last was refused
 * (beside the fields, or for the form), and the request whose answer the
 * network lost, sent again once the item is seen changed (see `resendIfChanged`).
 */
export function formSender<Done>(wiring: SenderWiring<Done>) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  // The request of a form whose answer the network lost: the server may have applied it. Once the item is seen changed,
  // it is sent again as it was, with its key: answered as the first was if that was applied (the form then closes as
  // saved), refused as stale if the change was someone else's. Not told so, the edit form took the user's own saved
  // edit, come back through the live stream, for someone else's, and the other forms, sent again on the new version,
  // were refused as already done ("the new deadline must be later than the current one").
  const [unanswered, setUnanswered] = createSignal<Sent<Done> | null>(null);

  async function send(sent: Sent<Done>, resent: boolean): Promise<void> {
    setUnanswered(null);
    setBusy(true);
    setProblem(null);
    try {
      await sent.request();
      wiring.sent(sent);
      sent.changed(sent.states);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const item = wiring.item();
      const stillOpen = item.kind === sent.kind && item.id === sent.id;
      if (answerLost(error) && !resent && stillOpen && item.version !== sent.version) {
        // The item changed while the answer was on its way, perhaps by this very request: asked again at once.
        await send(sent, true);
        return;
      }
      // Not a note: held to no version, sent again on its own it could be added after all, the user typing on meanwhile.
      setUnanswered(answerLost(error) && stillOpen && sent.action !== 'note' ? sent : null);
      if (error.code === 'version_conflict' && sent.action === 'edit' && item.version !== sent.version) {
        // Sent again after its answer was lost, and someone else's change it was: the edit goes on from theirs.
        wiring.rebaseEdit(item);
        return;
      }
      setProblem(error.code === 'version_conflict' ? messages.conflict : reasonBesideFields(error.reason, error.fields));
      setErrors(serverErrors(error.fields));
      if (error.code !== 'version_conflict') return;
      wiring.onChanged([item.state]);
      // Said as "changed" until the item as it is now is read; the edit form rebases on it itself (see rebaseEdit).
      if (sent.action !== 'edit' && sent.action === wiring.action() && stillOpen) wiring.refused();
    } finally {
      setBusy(false);
    }
  }

  return {
    errors,
    setErrors,
    problem,
    setProblem,
    busy,
    /** Forgets the request whose answer was lost: the form was typed on, or closed, or another card opened. */
    forget: () => setUnanswered(null),
    /** Sends a form's request. `request` must hold its body as it was when sent (the version included): it may be sent again. */
    run(request: () => Promise<unknown>, done: Done, states: readonly string[], changed = wiring.onChanged): Promise<void> {
      const item = wiring.item();
      return send({ action: wiring.action(), kind: item.kind, id: item.id, version: wiring.version(), request, done, states, changed }, false);
    },
    /**
     * The item changed: perhaps by the request whose answer was lost, which is asked again before anything is said of
     * it. Whether it was.
     */
    resendIfChanged(now: ItemDetail): boolean {
      const lost = unanswered();
      if (lost === null || lost.action !== wiring.action() || now.kind !== lost.kind || now.id !== lost.id || now.version === lost.version) return false;
      setUnanswered(null);
      void send(lost, true);
      return true;
    },
  };
}
