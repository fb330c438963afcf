import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { refreshSchedule } from './refresh-schedule';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('refresh schedule of the battle map and the wall', () => {
  test('refetches once for a burst of changes, once it has been quiet', () => {
    const refetch = vi.fn();
    const schedule = refreshSchedule(refetch, { quietMs: 1500, maxWaitMs: 10_000 });
    for (let i = 0; i < 5; i++) {
      schedule.changed();
      vi.advanceTimersByTime(200);
    }
    expect(refetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1300);
    expect(refetch).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test('still refetches at least every maxWaitMs while changes never pause for quietMs', () => {
    const refetch = vi.fn();
    const schedule = refreshSchedule(refetch, { quietMs: 1500, maxWaitMs: 10_000 });
    // A change every second for a minute: never quiet for 1.5 s.
    const calls: number[] = [];
    refetch.mockImplementation(() => calls.push(Date.now()));
    const start = Date.now();
    for (let second = 0; second < 60; second++) {
      schedule.changed();
      vi.advanceTimersByTime(1000);
    }
    expect(calls.length).toBeGreaterThanOrEqual(5);
    // The first change waits at most 10 s, and so does every change after a refetch.
    const gaps = [calls[0]! - start, ...calls.slice(1).map((at, i) => at - calls[i]!)];
    expect(Math.max(...gaps)).toBeLessThanOrEqual(11_000);
    schedule.stop();
  });

  test('stopping drops what was pending', () => {
    const refetch = vi.fn();
    const schedule = refreshSchedule(refetch, { quietMs: 1500, maxWaitMs: 10_000 });
    schedule.changed();
    schedule.stop();
    vi.advanceTimersByTime(20_000);
    expect(refetch).not.toHaveBeenCalled();
  });
});
