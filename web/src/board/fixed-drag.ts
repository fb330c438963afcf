/** How far a mouse press goes before it is a drag: as far as boardSensors lets a card that may move go before it starts. */
const dragDistance = 6;

/** A control inside a card works as itself: pressing it is no drag of the card (the sensor's own rule). */
const control = 'button, a, input, select, textarea, label';

/**
 * Watches a press on a card the reader may not move. Once it goes as far as a
 * drag would (a Kanban user trying to carry it), `tried` is called, once, and
 * the click its release would make is eaten: a drag that went nowhere is no
 * click, and opening the card's details then would be one more surprise. A
 * press that stays put is a click, left alone. A touch is left alone too: on a
 * touch screen a swipe over a card scrolls the board.
 */
export function watchFixedDrag(press: PointerEvent, card: HTMLElement, tried: () => void): void {
  if (press.pointerType === 'touch' || press.button !== 0) return;
  if (press.target instanceof Element && press.target !== card && press.target.closest(control) !== null) return;
  let dragged = false;
  const eat = (click: MouseEvent) => {
    click.stopPropagation();
    click.preventDefault();
  };
  const moved = (event: PointerEvent) => {
    if (dragged || Math.hypot(event.clientX - press.clientX, event.clientY - press.clientY) < dragDistance) return;
    dragged = true;
    tried();
  };
  const released = () => {
    window.removeEventListener('pointermove', moved);
    window.removeEventListener('pointerup', released);
    window.removeEventListener('pointercancel', released);
    if (!dragged) return;
    // The click follows the release in the same task: eaten there, and the eater gone after it.
    card.addEventListener('click', eat, { capture: true, once: true });
    setTimeout(() => card.removeEventListener('click', eat, { capture: true }), 0);
  };
  window.addEventListener('pointermove', moved);
  window.addEventListener('pointerup', released);
  window.addEventListener('pointercancel', released);
}
