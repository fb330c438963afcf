/** A label's box as drawn, in the map's own units: its left, its top and its size. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How far a label is moved from where its county puts it. */
export interface LabelShift {
  readonly dx: number;
  readonly dy: number;
}

/** A hundredth of the map's unit: far less than a pixel, more than the rounding of halves. */
const hair = 0.01;

/**
 * Moves labels that would lie on one another apart, each pair by the least it takes (across or up and down, whichever
 * is shorter), half each way, until none overlaps with `gap` between them: as ECharts' moveOverlap does. On a small
 * map the labels keep a size a room away can read, so the counties shrink under them; at 1024 × 768 "Chenggu 19" ran
 * over "Liuba 16". Hiding one instead would leave a county with no figure on a wall that has no hover to show it.
 * Answers a shift per label, in the order given; none where they stand apart already.
 */
export function spreadLabels(boxes: readonly LabelBox[], gap = 0, rounds = 40): LabelShift[] {
  const placed = boxes.map((box) => ({ ...box }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i];
        const b = placed[j];
        if (a === undefined || b === undefined) continue;
        // A hair more than the overlap: moved by exactly half each, three labels in a row only ever neared their places.
        const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) + gap + hair;
        const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) + gap + hair;
        if (across <= hair || down <= hair) continue;
        moved = true;
        // The one further left (or up) goes further left (or up); of two at the same place, the first.
        if (across < down) {
          const sign = a.x + a.width / 2 <= b.x + b.width / 2 ? 1 : -1;
          a.x -= (sign * across) / 2;
          b.x += (sign * across) / 2;
        } else {
          const sign = a.y + a.height / 2 <= b.y + b.height / 2 ? 1 : -1;
          a.y -= (sign * down) / 2;
          b.y += (sign * down) / 2;
        }
      }
    }
    if (!moved) break;
  }
  return placed.map((box, i) => ({ dx: box.x - (boxes[i]?.x ?? box.x), dy: box.y - (boxes[i]?.y ?? box.y) }));
}
