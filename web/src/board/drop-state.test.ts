import { describe, expect, it } from 'vitest';
import type { Card } from '../api/client';
import { dropStateOf } from './drop-state';

const card = (id: number, state: string, to: readonly string[], needs: readonly string[] = []): Card => ({
  kind: 'clue',
  id,
  version: 1,
  state,
  title: `线索 ${id}`,
  unitId: 'hantai',
  categoryId: null,
  assigneeId: 7,
  assigneeName: null,
  enteredAt: '2026-05-01T00:00:00.000Z',
  lastNoteAt: null,
  attachmentCount: 0,
  extensionAskedUntil: null,
  typical: false,
  dueAt: null,
  level: 0,
  allowed: to.map((target) => ({ to: target, event: `clue.${target}`, needs: target === 'filed' ? [...needs] : [] })),
  changes: [],
});

describe('where a drop would go while cards are dragged', () => {
  const found = card(1, 'found', ['verifying', 'merged']);
  const verifying = card(2, 'verifying', ['filed', 'unfounded'], ['conclusion']);
  const toFile = card(3, 'verifying', ['filed', 'unfounded'], ['caseNumber', 'conclusion']);

  it("marks the held card's own column, the columns it may go to, and dims the rest", () => {
    expect(dropStateOf(found, [found], 'found')).toBe('home');
    expect(dropStateOf(found, [found], 'verifying')).toBe('allowed');
    expect(dropStateOf(found, [found], 'filed')).toBe('dimmed');
    expect(dropStateOf(null, [], 'found')).toBeNull();
  });

  it('carrying several ticked cards, marks a column any of them may go to as a batch: a move needing each one\'s own figures is dimmed', () => {
    expect(dropStateOf(found, [found, verifying], 'unfounded')).toBe('allowed');
    expect(dropStateOf(found, [found, verifying], 'filed')).toBe('allowed');
    expect(dropStateOf(found, [found, toFile], 'filed')).toBe('dimmed');
    expect(dropStateOf(found, [found, verifying], 'solved')).toBe('dimmed');
    // Held alone, a card lights what it may do itself, figures or not (its move's dialog asks for them).
    expect(dropStateOf(toFile, [toFile], 'filed')).toBe('allowed');
  });
});
