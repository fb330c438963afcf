import type { ItemKind } from '../api/client';

/**
 * Work notes being written, kept per user and item in the tab's
 * sessionStorage until they are sent: a stray click that closes the drawer,
 * a reload, or signing in again after the session ran out loses nothing of
 * what was typed. The tab's storage, not the browser's: on a workstation
 * shared by a station, a note does not outlive the tab, and signing out
 * clears them. Storage refused (a private window's quota) only means no draft.
 */
const prefix = 'battlemap.noteDraft.';
const keyOf = (userId: number, kind: ItemKind, id: number) => `${prefix}${userId}.${kind}.${id}`;

export function noteDraft(userId: number, kind: ItemKind, id: number): string {
  try {
    return sessionStorage.getItem(keyOf(userId, kind, id)) ?? '';
  } catch {
    return '';
  }
}

/** Keeps what is typed so far; an emptied field keeps nothing. */
export function keepNoteDraft(userId: number, kind: ItemKind, id: number, text: string): void {
  try {
    if (text.trim() === '') sessionStorage.removeItem(keyOf(userId, kind, id));
    else sessionStorage.setItem(keyOf(userId, kind, id), text);
  } catch {
    // No room: the draft stays in the field only.
  }
}

export function dropNoteDraft(userId: number, kind: ItemKind, id: number): void {
  keepNoteDraft(userId, kind, id, '');
}

/** Every draft of the tab, at sign-out. */
export function dropAllNoteDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}
