import type { ItemKind } from '../api/client';

/**
 * What a user is writing and has not sent yet (a work note, a typical
 * case's summary, a move's conclusion or outcome, a new clue),
 * kept per user in the tab's sessionStorage until it is sent: a stray
 * Escape or click that closes the drawer or the dialog, a reload, or
 * signing in again after the session ran out loses nothing of what was
 * typed. The tab's storage, not the browser's: on a workstation shared by a
 * station, a draft does not outlive the tab, and signing out clears them.
 * Storage refused (a private window's quota) only means no draft.
 */
const prefix = 'battlemap.draft.';

/**
 * The draft of a work note to one item, of a clue's typical-case summary, of what a move of one item to one state
 * asks for, of a new item of a kind in a campaign, or of one of the drawer's other forms on one item (an edit, a
 * transfer, an extension or a request for one, a decline, a merge, a typical case withdrawn), or of a batch's
 * change in a campaign (see batch-draft.ts), or of the reason for advancing a campaign out of a phase.
 */
export type DraftOf =
  | { readonly note: { readonly kind: ItemKind; readonly id: number } }
  | { readonly form: { readonly kind: ItemKind; readonly id: number; readonly action: string } }
  | { readonly typical: { readonly id: number } }
  | { readonly move: { readonly kind: ItemKind; readonly id: number; readonly to: string } }
  | { readonly newItem: { readonly kind: ItemKind; readonly campaignId: number } }
  | { readonly batch: { readonly campaignId: number; readonly action: string } }
  | { readonly advance: { readonly campaignId: number; readonly from: string } }
  // Not a draft: the unit an item was with as the drawer last read it, kept beside its drafts (see keepUnitSeen).
  | { readonly unitSeen: { readonly kind: ItemKind; readonly id: number } };

function nameOf(of: DraftOf): string {
  if ('note' in of) return `note.${of.note.kind}.${of.note.id}`;
  if ('form' in of) return `form.${of.form.kind}.${of.form.id}.${of.form.action}`;
  if ('typical' in of) return `typical.${of.typical.id}`;
  if ('move' in of) return `move.${of.move.kind}.${of.move.id}.${of.move.to}`;
  if ('batch' in of) return `batch.${of.batch.campaignId}.${of.batch.action}`;
  if ('unitSeen' in of) return `unit.${of.unitSeen.kind}.${of.unitSeen.id}`;
  if ('advance' in of) return `advance.${of.advance.campaignId}.${of.advance.from}`;
  return `new.${of.newItem.campaignId}.${of.newItem.kind}`;
}

const keyOf = (userId: number, of: DraftOf) => `${prefix}${userId}.${nameOf(of)}`;

export function readDraft(userId: number, of: DraftOf): string | null {
  try {
    return sessionStorage.getItem(keyOf(userId, of));
  } catch {
    return null;
  }
}

/** Keeps what is typed so far; null (nothing typed) keeps nothing. */
export function keepDraft(userId: number, of: DraftOf, text: string | null): void {
  try {
    if (text === null) sessionStorage.removeItem(keyOf(userId, of));
    else sessionStorage.setItem(keyOf(userId, of), text);
  } catch {
    // No room: the draft stays in the form only.
  }
}

/**
 * A text draft of one thing for one user, as a drawer's form keeps it: read
 * (null for none), kept as typed (a text of nothing but spaces is none), and
 * dropped once sent or cancelled. `of` is read at each call: the drawer
 * moves from card to card.
 */
export function textDraft(userId: () => number, of: () => DraftOf) {
  return {
    read: (): string | null => readDraft(userId(), of()),
    keep: (text: string): void => keepDraft(userId(), of(), text.trim() === '' ? null : text),
    drop: (): void => keepDraft(userId(), of(), null),
  };
}

export type TextDraft = ReturnType<typeof textDraft>;

/**
 * A form's draft as its fields (name → text), as a drawer's form keeps it:
 * read (null for none), kept as typed (a form of nothing but blanks is
 * none), and dropped once sent or cancelled. `of` is read at each call.
 */
export function fieldsDraft(userId: () => number, of: () => DraftOf) {
  return {
    read: (): Record<string, string> | null => draftValues(readDraft(userId(), of())),
    keep: (fields: Record<string, string>): void => keepDraft(userId(), of(), Object.values(fields).some((text) => text.trim() !== '') ? JSON.stringify(fields) : null),
    drop: (): void => keepDraft(userId(), of(), null),
  };
}

export type FieldsDraft = ReturnType<typeof fieldsDraft>;

/** Every draft of the tab, at sign-out. */
export function dropAllDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

/** A kept draft of form values as the text fields it holds; null when there is none or it is not one. */
export function draftValues(text: string | null): Record<string, string> | null {
  if (text === null) return null;
  let kept: unknown;
  try {
    kept = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof kept !== 'object' || kept === null) return null;
  return Object.fromEntries(Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
