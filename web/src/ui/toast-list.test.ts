import { describe, expect, test } from 'vitest';
import { maxToasts, withToast, type Toast } from './toast-list';

const toastOf = (id: number, text: string, tone: Toast['tone'] = 'info'): Toast => ({ id, tone, text: () => text });
const ids = (list: readonly Toast[]) => list.map((toast) => toast.id);

describe('the toasts shown', () => {
  test('a toast saying what one shown says, in its tone, replaces it: many saves say 已保存 once', () => {
    let shown: Toast[] = [];
    for (let id = 1; id <= 6; id += 1) shown = withToast(shown, toastOf(id, '已保存'));
    expect(ids(shown)).toEqual([6]);
  });

  test('the same words in another tone, or other words, stand beside it', () => {
    const shown = withToast(withToast(withToast([], toastOf(1, '已保存')), toastOf(2, '已保存', 'error')), toastOf(3, '未保存'));
    expect(ids(shown)).toEqual([1, 2, 3]);
  });

  test(`at most ${maxToasts} stand at once, the oldest giving way`, () => {
    let shown: Toast[] = [];
    for (let id = 1; id <= 7; id += 1) shown = withToast(shown, toastOf(id, `第 ${id} 条`));
    expect(ids(shown)).toEqual([4, 5, 6, 7]);
  });
});
