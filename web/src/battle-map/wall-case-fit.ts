/**
 * The wall's newest typical case kept in sight when it has no room whole. The wall shows as many cases as fit whole
 * (a case with no room moves to a column out of sight, see the wall's styles); on some screens none does (an English
 * wall at 1280 × 800, its labels longer, beside a summary of four lines), and the wall showed no case at all. Then the
 * newest is shown with its title and line whole and as many lines of its summary as the room holds, the rest cut with
 * an ellipsis: the line count is put in `--summary-lines` on the card, `is-squeezed` clamps it. With no room for even
 * one line of summary (a title of two lines and more), the summary is left out and the title cut to the lines the room
 * holds (`--title-lines`, `is-title-squeezed`): a case named in part is still the campaign's latest result on the wall.
 * With no room for a line of its title either, no case shows.
 */
export function fitNewestCase(list: HTMLElement): void {
  const first = list.querySelector<HTMLElement>('.tp-card');
  if (first === null) return;
  first.classList.remove('is-squeezed', 'is-title-squeezed');
  first.style.removeProperty('--summary-lines');
  first.style.removeProperty('--title-lines');
  // Whole, it is laid out in the list's first column; without room, in one past the list's right edge.
  if (first.getBoundingClientRect().left < list.getBoundingClientRect().right) return;
  const summary = first.querySelector<HTMLElement>('.tp-summary');
  const title = first.querySelector<HTMLElement>('.tp-title');
  if (summary === null || title === null) return;
  const room = list.clientHeight;
  const lines = Math.floor((room - (first.offsetHeight - summary.offsetHeight)) / parseFloat(getComputedStyle(summary).lineHeight));
  if (lines >= 1) {
    first.style.setProperty('--summary-lines', String(lines));
    first.classList.add('is-squeezed');
    return;
  }
  // The summary left out first, then the card measured again: its row and the gap above it are gone with it.
  first.classList.add('is-title-squeezed');
  const titleLines = Math.floor((room - (first.offsetHeight - title.offsetHeight)) / parseFloat(getComputedStyle(title).lineHeight));
  if (titleLines >= 1) first.style.setProperty('--title-lines', String(titleLines));
  else first.classList.remove('is-title-squeezed');
}
