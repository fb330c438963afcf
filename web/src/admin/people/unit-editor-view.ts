/**
 * Brings a unit's editor into view as a unit is chosen, where it lies below
 * the unit tree rather than beside it: on a phone the two are stacked
 * (people.css), and the editor opened some twenty rows down, out of view,
 * the chosen row's colour the only change on the screen. Its heading takes
 * the focus, so the keyboard and a screen reader go on from the unit chosen;
 * not its first field, which would open the phone's keyboard over it. Beside
 * the tree (a wider screen) the editor is in view already and the focus stays
 * on the row.
 */
export function showUnitEditor(tree: HTMLElement | undefined, editor: () => HTMLElement | null | undefined): void {
  // Once the editor of the unit chosen is drawn and laid out.
  requestAnimationFrame(() => {
    const shown = editor();
    if (tree === undefined || shown == null) return;
    if (shown.getBoundingClientRect().top < tree.getBoundingClientRect().bottom) return;
    shown.focus({ preventScroll: true });
    shown.scrollIntoView({ block: 'start' });
  });
}
