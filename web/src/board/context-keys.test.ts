import { describe, expect, it } from 'vitest';
import { keyLabel } from './context-keys';
import { eventLabel } from './domain-labels';

describe("a problem's fields in the drawer", () => {
  it("names the field a failed check fills after that check (验收不通过), not 验收意见, which the 销号's note is called too and which it never holds", () => {
    const rejection = keyLabel('rejection');
    expect(rejection.zh.startsWith(eventLabel('problem.reject').zh)).toBe(true);
    expect(rejection.en.startsWith(eventLabel('problem.reject').en)).toBe(true);
    expect(rejection.zh).not.toBe('验收意见');
  });
});
