import { describe, expect, it } from 'vitest';
import { reloadForNewBuild, serverAnswers } from './new-build';

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe('a chunk of an older build that no longer loads', () => {
  it('reloads the page once, and not again while the chunk still fails right after', () => {
    const storage = memory();
    let reloads = 0;
    expect(reloadForNewBuild(storage, 1_000_000, () => (reloads += 1))).toBe(true);
    expect(reloadForNewBuild(storage, 1_010_000, () => (reloads += 1))).toBe(false);
    expect(reloads).toBe(1);
    // A later new build, long after: once more.
    expect(reloadForNewBuild(storage, 2_000_000, () => (reloads += 1))).toBe(true);
    expect(reloads).toBe(2);
  });
});

describe('whether the server answers, before a failed chunk is taken for a new build', () => {
  it('is true when the page is served, and false when the server is away or answers with an error', async () => {
    expect(await serverAnswers(() => Promise.resolve(new Response('<!doctype html>', { status: 200 })))).toBe(true);
    expect(await serverAnswers(() => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
    expect(await serverAnswers(() => Promise.resolve(new Response('', { status: 503 })))).toBe(false);
  });
});
