/** Where each card of a list sits, top to bottom, and the list's whole height. */
export interface Stack {
  readonly tops: readonly number[];
  readonly heights: readonly number[];
  readonly total: number;
}

/**
 * Stacks the cards of a list: measured heights where known, `estimate` for
 * cards never on screen yet, `gap` between neighbours.
 */
export function stackOf(ids: readonly number[], measured: ReadonlyMap<number, number>, estimate: number, gap: number): Stack {
  const tops: number[] = [];
  const heights: number[] = [];
  let y = 0;
  for (const id of ids) {
    const height = measured.get(id) ?? estimate;
    tops.push(y);
    heights.push(height);
    y += height + gap;
  }
  return { tops, heights, total: ids.length === 0 ? 0 : y - gap };
}

/**
 * The cards to render: those that meet the visible span [from, to] of the
 * list (in the list's own pixels), widened by `overscan` pixels on each
 * side, plus the pinned ones (the focused card, the one being dragged),
 * wherever they are, so focus and drags never lose their element. Indices, ascending.
 */
export function windowOf(stack: Stack, from: number, to: number, overscan: number, pinned: readonly number[] = []): number[] {
  const { tops, heights } = stack;
  const low = from - overscan;
  const high = to + overscan;
  // First card whose bottom is below `low`: tops only grow, so a binary search finds it.
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tops[mid] ?? 0) + (heights[mid] ?? 0) <= low) lo = mid + 1;
    else hi = mid;
  }
  const shown = new Set<number>();
  for (let i = lo; i < tops.length && (tops[i] ?? 0) < high; i++) shown.add(i);
  for (const i of pinned) if (i >= 0 && i < tops.length) shown.add(i);
  return [...shown].sort((a, b) => a - b);
}
