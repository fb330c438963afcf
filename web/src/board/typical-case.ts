import type { ItemDetail } from '../api/client';

/** A clue's typical case as its context holds it: the summary that may be published, and when it was chosen; null if it is not one. */
export function typicalOf(item: ItemDetail): { summary: string; markedAt: string } | null {
  const typical = item.context.typical;
  if (typeof typical !== 'object' || typical === null) return null;
  const { summary, markedAt } = typical as { summary?: unknown; markedAt?: unknown };
  return typeof summary === 'string' && typeof markedAt === 'string' ? { summary, markedAt } : null;
}
