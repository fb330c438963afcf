import type { ItemKind } from '../api/client';

/**
 * What a user is writing and has not sent yet (a work note, a new clue),
 * kept per user in the tab's sessionStorage until it is sent: a stray
 * Escape or click that closes the drawer or the dialog, a reload, or
 * signing in again after the session ran out loses nothing of what was
 * typed. The tab's storage, not the browser's: on a workstation shared by a
 * station, a draft does not outlive the tab, and signing out clears them.
 * Storage refused (a private window's quota) only means no draft.
 */
const prefix = 'battlemap.draft.';

/** The draft of a work note to one item, or of a new item of a kind in a campaign. */
export type DraftOf = { readonly note: { readonly kind: ItemKind; readonly id: number } } | { readonly newItem: { readonly kind: ItemKind; readonly campaignId: number } };

const keyOf = (userId: number, of: DraftOf) => `${prefix}${userId}.${'note' in of ? `note.${of.note.kind}.${of.note.id}` : `new.${of.newItem.campaignId}.${of.newItem.kind}`}`;

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

/** Every draft of the tab, at sign-out. */
export function dropAllDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}
