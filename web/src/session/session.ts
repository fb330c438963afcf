import { createSignal } from 'solid-js';
import { api, type Me } from '../api/client';
import { dropAllDrafts } from '../board/drafts';
import { dismissAllToasts } from '../ui/toast-store';
import { takeEarlySession } from './session-prefetch';

/** The signed-in user: undefined while unknown, null when signed out. */
const [me, setMe] = createSignal<Me | null | undefined>(undefined);
export { me };

/**
 * Asks the server who is signed in (the cookie is HttpOnly, so only the
 * server knows): the user, or null when no one is; the first time, the answer
 * to the read made as the page opened.
 */
export async function loadSession(): Promise<Me | null> {
  try {
    const user = await (takeEarlySession() ?? api.session());
    setMe(user);
    return user;
  } catch {
    // The server could not be asked (restarting, the network): the sign-in page, where signing in says why if it still cannot.
    setMe(null);
    return null;
  }
}

/** `display`: a wall display's sign-in (read-only accounts), which stays for days with no idle limit. */
export async function signIn(username: string, password: string, display = false): Promise<Me> {
  const user = await api.signIn(username, password, display);
  // What was said of the session before is no news now: a move refused as it ended ("#246 请先登录"), kept as a draft,
  // stayed up over the board it was restored on, still asking to sign in.
  dismissAllToasts();
  setMe(user);
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } finally {
    // Not at a session's expiry: the same user signs in again and finds what they had not sent.
    dropAllDrafts();
    setMe(null);
  }
}

/** The user as the server reads them now, read again while signed in (their unit or role may have changed since). */
export function userReadAgain(user: Me): void {
  setMe(user);
}

/** The session ended on the server (a 401): forget the user. */
export function sessionLost(): void {
  setMe(null);
}
