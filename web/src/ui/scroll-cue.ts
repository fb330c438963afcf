import { onCleanup } from 'solid-js';

/**
 * As a box's ref (a table's wrapper, or a table that scrolls itself on a phone): marks the box `data-more` while some
 * of what it holds lies past its right edge, for base.css to fade that edge. On a phone a wide table ended at its
 * card's edge, a column cut there or none, and nothing said that it scrolled sideways. Measured again as the box is
 * scrolled, and as it or what it holds changes size (rows read, another language, the screen turned).
 */
export function scrollCue(box: HTMLElement): void {
  const mark = () => box.toggleAttribute('data-more', box.scrollWidth - box.clientWidth - box.scrollLeft > 1);
  box.addEventListener('scroll', mark, { passive: true });
  const sizes = new ResizeObserver(mark);
  sizes.observe(box);
  // What it holds, once drawn (a ref is called before its children are put in): a wrapper its table, a table that
  // scrolls itself its row groups.
  const drawn = requestAnimationFrame(() => {
    for (const inner of box.children) sizes.observe(inner);
  });
  onCleanup(() => {
    cancelAnimationFrame(drawn);
    sizes.disconnect();
  });
}
