import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The colours base.css defines on :root, by name. */
const root = new Map(
  [...readFileSync(new URL('./base.css', import.meta.url), 'utf8').matchAll(/^\s*--([\w-]+):\s*(#[0-9a-f]{6});/gim)].map((m) => [m[1] ?? '', (m[2] ?? '').toLowerCase()]),
);

const colour = (name: string): string => {
  const value = root.get(name);
  if (value === undefined) throw new Error(`base.css defines no --${name}`);
  return value;
};

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

describe('the colours text is written in', () => {
  it('reach 4.5:1 (WCAG AA) on the backgrounds they are written on', () => {
    const pairs: [text: string, ground: string][] = [
      // Muted text: dates, hints, "unassigned", counts, on cards, the page and the columns.
      ['text-3', 'surface'],
      ['text-3', 'bg'],
      ['text-3', 'column'],
      ['text-3', 'surface-2'],
      ['text-2', 'column'],
      // The rungs' badges and the due dates they colour.
      ['level-1-text', 'warning-soft'],
      ['level-1-text', 'surface'],
      ['level-2-text', 'danger-soft'],
      ['level-2-text', 'surface'],
      ['warning', 'warning-soft'],
      ['warning', 'surface'],
      ['danger', 'danger-soft'],
      ['ok', 'ok-soft'],
      ['ok', 'surface'],
      ['accent', 'accent-soft'],
      // The white text of a primary button, and of the danger one (确认结束).
      ['surface', 'accent'],
      ['surface', 'danger'],
    ];
    for (const [text, ground] of pairs) expect(contrast(colour(text), colour(ground)), `--${text} on --${ground}`).toBeGreaterThanOrEqual(4.5);
  });
});
