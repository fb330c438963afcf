import { describe, expect, it } from 'vitest';
import { roles } from '../../../engine/actor';
import { changesCards } from './board-campaign';

describe('who changes cards on the board', () => {
  it('is the office, a unit lead or an officer; a viewer, an admin or no one signed in is offered no move', () => {
    expect(roles.filter((role) => changesCards(role))).toEqual(['office', 'lead', 'officer']);
    expect(changesCards(undefined)).toBe(false);
  });
});
