import { describe, expect, test } from 'vitest';
import { isPrintShortcut, maxPrinted, printOffer } from './whole-list-print';

const press = (key: string, held: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...held });

describe('printing the whole list', () => {
  test('up to 5,000 rows print whole; past them the Excel export is offered instead', () => {
    expect(printOffer(0)).toBe('whole');
    expect(printOffer(maxPrinted)).toBe('whole');
    expect(printOffer(maxPrinted + 1)).toBe('tooMany');
  });

  test('Ctrl+P and ⌘P are the print shortcut; P alone, typed, or with Shift or Alt is not', () => {
    expect(isPrintShortcut(press('p', { ctrlKey: true }))).toBe(true);
    expect(isPrintShortcut(press('P', { ctrlKey: true }))).toBe(true);
    expect(isPrintShortcut(press('p', { metaKey: true }))).toBe(true);
    expect(isPrintShortcut(press('p'))).toBe(false);
    expect(isPrintShortcut(press('p', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPrintShortcut(press('p', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isPrintShortcut(press('o', { ctrlKey: true }))).toBe(false);
  });
});
