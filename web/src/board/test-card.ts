import type { Card } from '../api/client';

/** A card as the board reads it, for the board's tests: a found clue of 汉台, with what it overrides. */
export function testCard(id: number, over: Partial<Card> = {}): Card {
  return {
    kind: 'clue',
    id,
    version: 1,
    state: 'found',
    title: `线索 ${id}`,
    unitId: 'hantai',
    categoryId: null,
    assigneeId: null,
    assigneeName: null,
    enteredAt: '2026-05-01T00:00:00.000Z',
    lastNoteAt: null,
    attachmentCount: 0,
    extensionAskedUntil: null,
    typical: false,
    dueAt: null,
    level: 0,
    allowed: [],
    changes: [],
    ...over,
  };
}
