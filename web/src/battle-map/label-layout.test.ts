import { describe, expect, it } from 'vitest';
import { spreadLabels, type LabelBox } from './label-layout';

/** The boxes where spreadLabels puts them. */
const moved = (boxes: readonly LabelBox[], gap = 0) => {
  const shifts = spreadLabels(boxes, gap);
  return boxes.map((box, i) => ({ ...box, x: box.x + (shifts[i]?.dx ?? 0), y: box.y + (shifts[i]?.dy ?? 0) }));
};

/** Shifts to a tenth of the map's unit: a hair more than the overlap is moved, so that halves arrive. */
const rounded = (shifts: readonly { dx: number; dy: number }[]) => shifts.map(({ dx, dy }) => ({ dx: Math.round(dx * 10) / 10 || 0, dy: Math.round(dy * 10) / 10 || 0 }));

const overlapping = (boxes: readonly LabelBox[]) =>
  boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).map((b) => [a, b]));

describe('map labels spread apart', () => {
  it('leave labels that stand apart where they are', () => {
    expect(
      spreadLabels([
        { x: 0, y: 0, width: 40, height: 30 },
        { x: 50, y: 0, width: 40, height: 30 },
        { x: 0, y: 40, width: 40, height: 30 },
      ]),
    ).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });

  it('move two overlapping labels apart by the shorter way, half each: up and down for a small overlap in height', () => {
    // As Liuba's and Chenggu's at 1024 × 768: side by side and much overlapping across, a little in height.
    const shifts = rounded(
      spreadLabels([
        { x: 100, y: 100, width: 40, height: 30 },
        { x: 110, y: 126, width: 50, height: 30 },
      ]),
    );
    expect(shifts).toEqual([
      { dx: 0, dy: -2 },
      { dx: 0, dy: 2 },
    ]);
  });

  it('and across for a small overlap in width', () => {
    const shifts = rounded(
      spreadLabels([
        { x: 134, y: 100, width: 40, height: 30 },
        { x: 100, y: 110, width: 40, height: 30 },
      ]),
    );
    expect(shifts).toEqual([
      { dx: 3, dy: 0 },
      { dx: -3, dy: 0 },
    ]);
  });

  it('keep the gap asked between them', () => {
    const boxes = [
      { x: 0, y: 0, width: 40, height: 30 },
      { x: 10, y: 28, width: 40, height: 30 },
    ];
    const [a, b] = moved(boxes, 4);
    expect((b?.y ?? 0) - ((a?.y ?? 0) + 30)).toBeCloseTo(4, 1);
  });

  it('part a cluster of labels on one another, each pushed off one pushing it onto a third', () => {
    const cluster = [
      { x: 0, y: 0, width: 40, height: 30 },
      { x: 10, y: 10, width: 40, height: 30 },
      { x: 20, y: 20, width: 40, height: 30 },
      { x: 5, y: 15, width: 40, height: 30 },
      { x: 15, y: 5, width: 40, height: 30 },
    ];
    expect(overlapping(moved(cluster))).toEqual([]);
  });
});
