/**
 * The wall's newest typical case kept in sight when it has no room whole. The wall shows as many cases as fit whole
 * (a case with no room moves to a column out of sight, see the wall's styles); on some screens none does (an English
 * wall at 1280 × 800, its labels longer, beside a summary of four lines), and the wall showed no case at all. Then the
 * newest is shown with its title and line whole and as many lines of its summary as the room holds, the rest cut with
 * an ellipsis: the line count is put in `--summary-lines` on the card, `is-squeezed` clamps it. With no room for
 * even one line of summary, nothing is squeezed and no case shows, as before.
 */
export function fitNewestCase(list: HTMLElement): void {
  const first = list.querySelector<HTMLElement>('.tp-card');
  if (first === null) return;
  first.classList.remove('is-squeezed');
  first.style.removeProperty('--summary-lines');
  // Whole, it is laid out in the list's first column; without room, in one past the list's right edge.
  if (first.getBoundingClientRect().left < list.getBoundingClientRect().right) return;
  const summary = first.querySelector<HTMLElement>('.tp-summary');
  if (summary === null) return;
  const lineHeight = parseFloat(getComputedStyle(summary).lineHeight);
  const rest = first.offsetHeight - summary.offsetHeight;
  const lines = Math.floor((list.clientHeight - rest) / lineHeight);
  if (!(lines >= 1)) return;
  first.style.setProperty('--summary-lines', String(lines));
  first.classList.add('is-squeezed');
}
