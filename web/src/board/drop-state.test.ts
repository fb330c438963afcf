import { describe, expect, it } from 'vitest';
import type { Card } from '../api/client';
import { dropStateIn, dropTargetsOf } from './drop-state';
import { testCard } from './test-card';

/** A card in a state with the moves it may make; a move to filed needs the figures given. */
const card = (id: number, state: string, to: readonly string[], needs: readonly string[] = []): Card =>
  testCard(id, { state, assigneeId: 7, allowed: to.map((target) => ({ to: target, event: `clue.${target}`, needs: target === 'filed' ? [...needs] : [], offers: [] })) });

const dropped = (held: Card, carried: readonly Card[], state: string) => dropStateIn(dropTargetsOf(held, carried), state);

describe('where a drop would go while cards are dragged', () => {
  const found = card(1, 'found', ['verifying', 'merged']);
  const verifying = card(2, 'verifying', ['filed', 'unfounded'], ['conclusion']);
  const toFile = card(3, 'verifying', ['filed', 'unfounded'], ['caseNumber', 'conclusion']);

  it("marks the held card's own column, the columns it may go to, and dims the rest", () => {
    expect(dropped(found, [found], 'found')).toBe('home');
    expect(dropped(found, [found], 'verifying')).toBe('allowed');
    expect(dropped(found, [found], 'filed')).toBe('dimmed');
    expect(dropStateIn(null, 'found')).toBeNull();
  });

  it("carrying several ticked cards, marks a column any of them may go to as a batch: a move needing each one's own figures is dimmed", () => {
    expect(dropped(found, [found, verifying], 'unfounded')).toBe('allowed');
    expect(dropped(found, [found, verifying], 'filed')).toBe('allowed');
    expect(dropped(found, [found, toFile], 'filed')).toBe('dimmed');
    expect(dropped(found, [found, verifying], 'solved')).toBe('dimmed');
    // Held alone, a card lights what it may do itself, figures or not (its move's dialog asks for them).
    expect(dropped(toFile, [toFile], 'filed')).toBe('allowed');
  });
});
