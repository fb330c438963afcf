import { createSignal } from 'solid-js';
import type { Card } from '../api/client';
import { colon, t, tr, trFilled } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { toast } from '../ui/toasts';
import { boardMessages } from './board-messages';
import type { BoardState, MoveResult } from './board-state';
import { stateLabel } from './domain-labels';
import type { MoveDraft } from './move-dialog';
import { moveConflictOf } from './move-conflict';

/** A card's element on the board (not the inert clone a drag leaves behind), if it is drawn. */
export const cardElement = (id: number) => document.querySelector<HTMLElement>(`[data-testid="card-${id}"]:not([data-dnd-placeholder])`);

/**
 * Keyboard users keep their place: focus goes back to the card after a
 * dialog closes; or, when the card is not drawn (moved into a collapsed side
 * column, 查否 or 已并案), to that column's toggle, not to the page's body.
 */
export function focusCard(id: number, column?: string): void {
  requestAnimationFrame(() => {
    const card = cardElement(id);
    const toggle = column === undefined ? null : document.querySelector<HTMLElement>(`[data-testid="toggle-${column}"]`);
    (card ?? toggle)?.focus();
  });
}

/** The card beside one in its column as the board shows it (the next, else the one before), or null when it is alone there. */
export function cardBeside(columns: readonly { readonly cards: readonly { readonly id: number }[] }[], id: number): number | null {
  for (const column of columns) {
    const at = column.cards.findIndex((card) => card.id === id);
    if (at >= 0) return (column.cards[at + 1] ?? column.cards[at - 1])?.id ?? null;
  }
  return null;
}

/**
 * Focus once the card the drawer showed has left the reader's sight (they transferred it out of their units): on the
 * card that was beside it, once its column is drawn again; else on the board's first card, not on the page's body.
 */
export function focusBeside(beside: number | null): void {
  requestAnimationFrame(() => {
    const card = beside === null ? null : cardElement(beside);
    (card ?? document.querySelector<HTMLElement>('[data-testid="board"] [data-testid^="card-"]:not([data-dnd-placeholder])'))?.focus();
  });
}

/**
 * Focus back on the card the drawer showed, as the drawer closes: at once, while the card is still kept rendered as
 * the open one (its column may be scrolled far from it), so that it stays rendered as the focused one; and again
 * after the render, should the card have been drawn anew meanwhile.
 */
export function focusClosedCard(id: number): void {
  cardElement(id)?.focus();
  focusCard(id);
}

/**
 * The user's moves on one board: sent at once, or after their dialog when
 * they need input; the outcome is announced (and refusals shown); a move
 * asked for while the card's previous one is still on its way waits for it.
 */
export function createBoardMoves(options: { readonly state: BoardState; readonly openId: () => number | null; readonly onOpenItemMoved: () => void }) {
  const { state } = options;
  const [draft, setDraft] = createSignal<MoveDraft | null>(null);
  /**
   * Where the draft's dialog was opened from: the element that had focus, and whether it was the drawer (a move button
   * of it) rather than the board (the card and its menu). Asked for from the drawer, it is said so, not guessed from
   * the focus: the drawer's buttons are drawn anew whenever its item is read again (a change streamed in, the inbox
   * read), and a press that met such a re-draw found the focus on the page's body.
   */
  let opener: { readonly element: Element | null; readonly inDrawer: boolean; readonly to: string } | null = null;

  /**
   * Focus once a move's dialog has closed: back in the drawer when the move
   * was asked for there (the drawer stays open, and the board behind it is
   * not where the user was): on its button when the dialog was cancelled;
   * once sent, on the drawer itself, whose buttons are drawn anew as the
   * item is read again. Else on the card (focusCard). The drawer and its
   * button are looked for as they are then, not as they were when the
   * dialog opened: either may have been drawn anew meanwhile.
   */
  function focusAfterDraft(sent: boolean, id: number, column?: string): void {
    const from = opener;
    opener = null;
    if (from === null || !from.inDrawer) {
      focusCard(id, column);
      return;
    }
    requestAnimationFrame(() => {
      const drawer = document.querySelector<HTMLElement>('[data-testid="detail-panel"]');
      const button = from.element instanceof HTMLElement && from.element.isConnected ? from.element : drawer?.querySelector<HTMLElement>(`[data-testid="detail-move-${CSS.escape(from.to)}"]`);
      if (!sent && button !== null && button !== undefined) button.focus();
      else if (drawer !== null) drawer.focus();
      else focusCard(id, column);
    });
  }

  function report(card: Card, to: string, result: MoveResult) {
    const where = tr(stateLabel(card.kind, to));
    if (result.ok) {
      announce(`#${card.id} ${t('movedAnnounce')} ${tr(stateLabel(card.kind, result.card.state))}`);
      if (result.card.id === options.openId()) options.onOpenItemMoved();
      return;
    }
    const problem = result.problem;
    // Refused because someone else changed it first: the drawer open on it is read again too, not only its card
    // (it went on showing the state before, and offering the move that was just refused).
    if (problem.code === 'version_conflict' && card.id === options.openId()) options.onOpenItemMoved();
    // Refused because someone else changed it first: said as what they did where that matters (see moveConflictOf).
    // The same move made first (two users dropping one card in one column) is theirs, not a fault beside a card already
    // where this user wanted it; an item given to another is said so, where the drawer's buttons went without a word.
    const conflict = problem.code === 'version_conflict' ? moveConflictOf(card, to, problem.current) : null;
    if (conflict === 'theirs' || conflict === 'reassigned') {
      const name = problem.current?.assigneeName ?? tr(boardMessages.noAssignee);
      const said = () => `#${card.id} ${conflict === 'theirs' ? trFilled(boardMessages.movedByOther, { to: tr(stateLabel(card.kind, to)) }) : trFilled(boardMessages.notMovedReassigned, { name })}`;
      announce(said());
      toast(said, conflict === 'theirs' ? 'info' : 'warning');
      return;
    }
    // Not found is what the server says of an item outside the reader's units (transferred since the board was read):
    // said as the drawer says it, with the likely why, not as a bare "not found" beside the card just seen.
    const reason = () => (problem.code === 'not_found' ? t('itemGone') : tr(problem.reason));
    announce(`#${card.id} ${t('refusedAnnounce')} ${where}${colon()}${reason()}`);
    if (problem.code === 'version_conflict') toast(() => `#${card.id} ${t('moveConflict')}`, 'warning');
    else toast(() => `#${card.id} ${reason()}`);
    // Gone from the reader's units (transferred, say) while shown: its column is read again, and the card leaves it.
    if (problem.code === 'not_found') state.refreshStates([card.state]);
  }

  // A move asked for while the card's previous one is still on its way (two quick moves): only the
  // latest is kept, and it is made from the card the server answers with, so it carries the new
  // version and the moves allowed from the new state; if the first was refused, it is dropped too.
  const queued = new Map<number, string>();

  /** After a move's answer: makes the move queued behind it, or tells the user it was dropped. */
  function followUp(id: number, result: MoveResult) {
    const next = queued.get(id);
    queued.delete(id);
    if (next === undefined) return;
    if (!result.ok) {
      toast(() => tr(boardMessages.queuedDropped), 'warning');
      announce(`#${id} ${tr(boardMessages.queuedDropped)}`);
    } else if (next !== result.card.state) {
      move(result.card, next);
    }
  }

  /** A move asked for by a drop or the menu, or by the drawer's buttons (`from`): sent at once, or after its dialog when it needs input. */
  function move(card: Card, to: string, from: 'board' | 'drawer' = 'board') {
    const pending = state.pendingOf(card.id);
    if (pending?.stage === 'sending') {
      if (to === pending.to && !queued.has(card.id)) return;
      queued.set(card.id, to);
      // Shown where the user put it meanwhile; the answer to the first move puts it right either way.
      state.hold(pending.card, to, 'sending');
      announce(`#${card.id} ${tr(boardMessages.moveQueued)} ${tr(stateLabel(card.kind, to))}`);
      return;
    }
    if (to === card.state) return;
    const allowed = card.allowed.find((m) => m.to === to);
    // A move that needs fields, or offers some (销号, for good: confirmed, with room for the check's note), goes through its dialog.
    if (allowed !== undefined && (allowed.needs.length > 0 || allowed.offers.length > 0)) {
      state.hold(card, to, 'draft');
      const element = document.activeElement;
      opener = { element, inDrawer: from === 'drawer' || (element?.closest('[data-testid="detail-panel"]') ?? null) !== null, to };
      setDraft({ card, to, event: allowed.event, needs: allowed.needs, offers: allowed.offers });
      return;
    }
    // Not among the allowed moves (or needing nothing): the server is the judge either way.
    void state.send(card, to).then((result) => {
      report(card, to, result);
      followUp(card.id, result);
    });
  }

  /** The move dialog's submit: a refusal the user can correct keeps the dialog (and the card where it was dropped). */
  async function submitDraft(current: MoveDraft, payload: Record<string, unknown>): Promise<MoveResult> {
    const result = await state.send(current.card, current.to, payload);
    const fixable = !result.ok && result.problem.fields.length > 0 && result.problem.status === 422;
    if (fixable) {
      state.hold(current.card, current.to, 'draft');
    } else {
      setDraft(null);
      report(current.card, current.to, result);
      focusAfterDraft(true, current.card.id, result.ok ? result.card.state : current.card.state);
      followUp(current.card.id, result);
    }
    return result;
  }

  function cancelDraft(current: MoveDraft) {
    state.release(current.card.id);
    setDraft(null);
    focusAfterDraft(false, current.card.id);
  }

  return { draft, move, submitDraft, cancelDraft };
}
