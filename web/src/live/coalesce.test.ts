import { describe, expect, test } from 'vitest';
import { coalesce } from './coalesce';

/** A run that ends when told to, recording what it was asked. */
function controlledWork() {
  const runs: string[][] = [];
  const finish: (() => void)[] = [];
  const work = (asked: ReadonlySet<string>) => {
    runs.push([...asked].sort());
    return new Promise<void>((resolve) => finish.push(resolve));
  };
  return { runs, work, finishNext: async () => {
    finish.shift()?.();
    // Let the finished run's continuation start the next one.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  } };
}

describe('coalesce', () => {
  test('runs a single request at once', () => {
    const { runs, work } = controlledWork();
    coalesce(work)(['found']);
    expect(runs).toEqual([['found']]);
  });

  test('gathers everything asked during a run into one run after it', async () => {
    const { runs, work, finishNext } = controlledWork();
    const ask = coalesce(work);
    ask(['found']);
    for (let i = 0; i < 5000; i++) ask(i % 2 === 0 ? ['found'] : ['found', 'verifying']);
    expect(runs).toEqual([['found']]);
    await finishNext();
    expect(runs).toEqual([['found'], ['found', 'verifying']]);
    await finishNext();
    expect(runs.length).toBe(2);
    // Idle again: the next request runs at once.
    ask(['filed']);
    expect(runs.at(-1)).toEqual(['filed']);
  });

  test('goes on after a run fails, and asks again what failed with the next request', async () => {
    const runs: number[][] = [];
    let down = true;
    const ask = coalesce<number>(async (asked) => {
      runs.push([...asked].sort());
      if (down) throw new Error('network down');
    });
    ask([1]);
    ask([2]);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // The run asked for meanwhile takes the failed one's too; failing again, nothing runs until asked.
    expect(runs).toEqual([[1], [1, 2]]);
    down = false;
    ask([3]);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(runs.at(-1)).toEqual([1, 2, 3]);
    ask([4]);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(runs.at(-1)).toEqual([4]);
  });

  test('asks without keys too (the escalation inbox)', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const ask = coalesce<never>(() => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    ask();
    ask();
    ask();
    expect(runs).toBe(1);
    finish();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(runs).toBe(2);
  });
});
