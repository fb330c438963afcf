import { describe, expect, it } from 'vitest';
import type { BatchItem, BatchResult } from './api';
import { afterRetry, keptOnly, keptSelected, leftOf, retryPlan, staleOf, type BatchOutcome } from './batch-left';
import { batchBodies, planOf } from './batch-plan';

function item(id: number, over: Partial<BatchItem> = {}): BatchItem {
  return { kind: 'clue', id, version: 3, title: `线索 ${id}`, unitId: 'hantai', allowed: [], changes: ['clue.extend'], ...over };
}

const stale = (id: number): BatchResult['refused'][number] => ({
  kind: 'clue',
  id,
  status: 409,
  code: 'version_conflict',
  reason: { zh: '该事项已被他人修改，本次未作变更，请按其最新状态再处理', en: 'Someone else changed this item first' },
});
const notHere = (id: number): BatchResult['refused'][number] => ({ kind: 'clue', id, status: 409, code: 'transition_refused', reason: { zh: '当前状态不允许', en: 'Not in this state' } });
const changed = (id: number): BatchResult['changed'][number] => ({ kind: 'clue', id, version: 4, state: 'verifying' });
const outcome = (over: Partial<BatchOutcome>): BatchOutcome => ({ changed: [], refused: [], stopped: null, unknown: [], notSent: [], ...over });

describe('what a batch leaves to do', () => {
  it('leaves the items refused, for whatever reason, and those not sent after it stopped; not those changed, nor those whose answer was lost', () => {
    const done = outcome({
      changed: [changed(1)],
      refused: [stale(2), notHere(3)],
      unknown: [{ kind: 'clue', id: 4, version: 3 }],
      notSent: [{ kind: 'problem', id: 5, version: 1 }],
      stopped: { zh: '网络中断', en: 'Offline' },
    });
    expect(leftOf(done)).toEqual([
      { kind: 'clue', id: 2 },
      { kind: 'clue', id: 3 },
      { kind: 'problem', id: 5 },
    ]);
    expect(leftOf(outcome({ changed: [changed(1), changed(2)] }))).toEqual([]);
  });

  it('keeps selected, once closed, what it left and the items it never sent (ticked cards dropped on a column they may not enter): nothing was done to them', () => {
    const verify = { to: 'verifying', event: 'clue.verify', needs: [], offers: [] };
    const selected = [item(1, { allowed: [verify] }), item(2, { allowed: [verify] }), item(3)];
    const { skipped } = planOf(selected, { type: 'move', to: 'verifying' });
    expect(keptSelected(outcome({ changed: [changed(1)], refused: [stale(2)] }), skipped)).toEqual([
      { kind: 'clue', id: 2 },
      { kind: 'clue', id: 3 },
    ]);
    expect(keptSelected(outcome({ changed: [changed(1), changed(2)] }), skipped)).toEqual([{ kind: 'clue', id: 3 }]);
  });

  it('does not leave an item the server no longer finds for the user (transferred out of their reach): a retry could not change it, nor could they see it ticked', () => {
    const gone: BatchResult['refused'][number] = { kind: 'clue', id: 6, status: 404, code: 'not_found', reason: { zh: '未找到', en: 'Not found' } };
    expect(leftOf(outcome({ changed: [changed(1)], refused: [gone, stale(2)] }))).toEqual([{ kind: 'clue', id: 2 }]);
  });

  it('leaves selected exactly the items left, the changed ones unticked; none left, nothing', () => {
    const selected = new Map([1, 2, 3].map((id) => [`clue:${id}`, item(id)]));
    const left = keptOnly(selected, leftOf(outcome({ changed: [changed(1), changed(3)], refused: [stale(2)] })));
    expect([...left.keys()]).toEqual(['clue:2']);
    expect(left.get('clue:2')).toBe(selected.get('clue:2'));
    // A problem of the same number is another item.
    expect([...keptOnly(selected, [{ kind: 'problem', id: 2 }]).keys()]).toEqual([]);
    expect(keptOnly(selected, []).size).toBe(0);
  });
});

describe('a retry of what a batch left', () => {
  const extend = { type: 'extend' } as const;
  const plan = planOf([item(1), item(2), item(3), item(4)], extend);
  const first = outcome({ changed: [changed(1)], refused: [notHere(4), stale(2)], notSent: [{ kind: 'clue', id: 3, version: 3 }] });

  it('reads again only the items refused for their version: the others are sent at the version the user saw', () => {
    expect(staleOf(first)).toEqual([{ kind: 'clue', id: 2 }]);
  });

  it('sends the items left, in the order selected, with the same change and what was typed; one refused for its version at its version now', () => {
    const again = retryPlan(plan, extend, first, new Map([['clue:2', 7]]));
    expect(again.skipped).toEqual([]);
    const [body, ...more] = batchBodies(again, extend, () => ({ until: '2026-12-31', reason: '证据待补' }));
    expect(more).toEqual([]);
    expect(body).toEqual({
      event: 'extend',
      payload: { until: '2026-12-31', reason: '证据待补' },
      items: [
        { kind: 'clue', id: 2, version: 7 },
        { kind: 'clue', id: 3, version: 3 },
        { kind: 'clue', id: 4, version: 3 },
      ],
    });
  });

  it('counts what both sends changed, and says what the retry left', () => {
    const second = outcome({ changed: [changed(2), changed(3)], refused: [notHere(4)] });
    const both = afterRetry(first, second);
    expect(both.changed.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(leftOf(both)).toEqual([{ kind: 'clue', id: 4 }]);
    expect(afterRetry(first, outcome({ changed: [changed(2), changed(3), changed(4)] })).refused).toEqual([]);
  });
});
