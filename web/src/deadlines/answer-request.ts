/**
 * The item whose request for more time the user chose to answer from the
 * inbox (审批), until its drawer shows it: the drawer then takes the user to
 * the request's Grant, at its foot, rather than to its own top (on a phone
 * the buttons were off the screen).
 */
let wanted: string | null = null;

const keyOf = (kind: string, id: number) => `${kind}:${id}`;

export function answerNext(kind: string, id: number): void {
  wanted = keyOf(kind, id);
}

/** Whether this item is the one to answer; asked once, as its drawer shows it. */
export function takeAnswer(kind: string, id: number): boolean {
  if (wanted !== keyOf(kind, id)) return false;
  wanted = null;
  return true;
}
