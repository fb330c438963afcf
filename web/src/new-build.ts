/** Where the page notes when it last reloaded for a new build. */
const key = 'battlemap.reloadedForBuild';
/** A reload this soon after the last one is not tried again: the chunk is missing from the new build too. */
const againAfterMs = 30_000;

/**
 * A page open since before the server got a new build asks for its old
 * chunks (a drawer, the reports), which the new build no longer has: the
 * chunk fails to load and the part stays blank. The page is the old build,
 * so it loads itself anew, once: true when it does.
 */
export function reloadForNewBuild(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number, reload: () => void): boolean {
  const last = Number(storage.getItem(key) ?? 0);
  if (now - last < againAfterMs) return false;
  storage.setItem(key, String(now));
  reload();
  return true;
}

/**
 * Whether the server answers the page's address: a chunk that failed to
 * load while it does not (stopped, restarting, the network gone) is no sign
 * of a new build, and a reload then would put the browser's error page in
 * place of this one and of what is typed in it.
 */
export async function serverAnswers(askPage: () => Promise<Response>): Promise<boolean> {
  try {
    return (await askPage()).ok;
  } catch {
    return false;
  }
}
