import { describe, expect, test } from 'vitest';
import { pathAfterSignIn } from './next-path';

describe('where signing in goes on to', () => {
  test('the page the user was sent away from, filters and all', () => {
    expect(pathAfterSignIn('/campaigns/1/lists/clues?state=verifying')).toBe('/campaigns/1/lists/clues?state=verifying');
  });

  test('the start page for nothing, another origin, or the sign-in page itself however deep', () => {
    for (const next of [undefined, '', 'https://example.com/', '//example.com/x', '/login', '/login?next=%2Fcampaigns%2F1%2Fboard', '/login?next=/login?next=/campaigns/1/board']) {
      expect(pathAfterSignIn(next), String(next)).toBe('/');
    }
  });

  test('for a wall display, the start page opening the wall, unless it was sent away from a page', () => {
    expect(pathAfterSignIn(undefined, true)).toBe('/?open=wall');
    expect(pathAfterSignIn('/login', true)).toBe('/?open=wall');
    expect(pathAfterSignIn('/campaigns/2/wall', true)).toBe('/campaigns/2/wall');
  });
});
