import { describe, expect, it } from 'vitest';
import { minuteOf, SharedAnswers } from './shared-answers';

/** A computation that counts its calls and answers when released. */
function counting<T>(value: T) {
  let calls = 0;
  const releases: (() => void)[] = [];
  const compute = () => {
    calls += 1;
    return new Promise<T>((resolve) => releases.push(() => resolve(value)));
  };
  return { compute, calls: () => calls, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

describe('shared answers', () => {
  it('count once for questions asked while the first is being counted, and give each the same answer', async () => {
    const shared = new SharedAnswers<{ n: number }>();
    const work = counting({ n: 7 });
    const asked = [shared.answer('map:1', 'head 5', work.compute), shared.answer('map:1', 'head 5', work.compute), shared.answer('map:1', 'head 5', work.compute)];
    work.releaseAll();
    const answers = await Promise.all(asked);
    expect(work.calls()).toBe(1);
    expect(answers).toEqual([{ n: 7 }, { n: 7 }, { n: 7 }]);
    expect(await shared.answer('map:1', 'head 5', work.compute)).toEqual({ n: 7 });
    expect(work.calls()).toBe(1);
  });

  it('count again once the state changed, and keep each question apart', async () => {
    const shared = new SharedAnswers<string>();
    expect(await shared.answer('map:1', 'head 5', () => Promise.resolve('before'))).toBe('before');
    expect(await shared.answer('map:1', 'head 6', () => Promise.resolve('after'))).toBe('after');
    expect(await shared.answer('map:2', 'head 6', () => Promise.resolve('other campaign'))).toBe('other campaign');
    expect(await shared.answer('map:1', 'head 6', () => Promise.resolve('not asked'))).toBe('after');
  });

  it('do not keep a failure: the next question counts again', async () => {
    const shared = new SharedAnswers<string>();
    await expect(shared.answer('map:1', 'head 5', () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    expect(await shared.answer('map:1', 'head 5', () => Promise.resolve('counted'))).toBe('counted');
  });

  it('forget the question least recently asked beyond their capacity', async () => {
    const shared = new SharedAnswers<string>(2);
    await shared.answer('a', 's', () => Promise.resolve('a1'));
    await shared.answer('b', 's', () => Promise.resolve('b1'));
    await shared.answer('a', 's', () => Promise.resolve('a2'));
    await shared.answer('c', 's', () => Promise.resolve('c1'));
    expect(await shared.answer('a', 's', () => Promise.resolve('a3'))).toBe('a1');
    expect(await shared.answer('b', 's', () => Promise.resolve('b2'))).toBe('b2');
  });

  it('put two instants of the same minute in one state, and the next minute in another', () => {
    expect(minuteOf(new Date('2026-06-15T02:00:00.000Z'))).toBe(minuteOf(new Date('2026-06-15T02:00:59.999Z')));
    expect(minuteOf(new Date('2026-06-15T02:01:00.000Z'))).toBe(minuteOf(new Date('2026-06-15T02:00:59.999Z')) + 1);
  });
});
