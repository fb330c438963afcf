import { createEffect, createSignal, onCleanup } from 'solid-js';
import { spreadLabels, type LabelShift } from './label-layout';

const still: LabelShift = { dx: 0, dy: 0 };

/**
 * The map's labels moved apart where they would lie on one another ({@link spreadLabels}), measured as drawn: again
 * whenever `drawn` changes (their size, what they say, the language) and once the fonts are in, a label's width being
 * its font's. `label(id)` is the ref of a label's `<text>`; `shift(id)` where it is moved to, `gap` apart in the map's
 * units. A label's own `transform` does not change what it measures (getBBox is in its own units), so moving it is
 * not measured again as another overlap.
 */
export function createLabelSpread(drawn: () => unknown, gap: () => number) {
  const texts = new Map<string, SVGTextElement>();
  const [shifts, setShifts] = createSignal<ReadonlyMap<string, LabelShift>>(new Map());
  const [fontsIn, setFontsIn] = createSignal(false);
  void document.fonts.ready.then(() => setFontsIn(true));
  // After the labels' text and size are drawn: an effect runs once the DOM has taken the update it follows.
  createEffect(() => {
    drawn();
    fontsIn();
    const labels = [...texts].map(([id, text]) => ({ id, box: text.getBBox() }));
    // Not yet laid out (a map in a hidden panel): nothing to measure.
    if (labels.every(({ box }) => box.width === 0)) return;
    const moved = spreadLabels(
      labels.map(({ box }) => ({ x: box.x, y: box.y, width: box.width, height: box.height })),
      gap(),
    );
    setShifts(new Map(labels.map(({ id }, i) => [id, moved[i] ?? still])));
  });
  return {
    label: (id: string) => (text: SVGTextElement) => {
      texts.set(id, text);
      onCleanup(() => texts.delete(id));
    },
    shift: (id: string): LabelShift => shifts().get(id) ?? still,
  };
}
