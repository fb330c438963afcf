import { describe, expect, test } from 'vitest';
import { quotedZh } from './labels';

describe('a name quoted in Chinese text', () => {
  test('in “”, its own quotation marks made the inner ones', () => {
    expect(quotedZh('电信网络诈骗')).toBe('“电信网络诈骗”');
    expect(quotedZh('网络“套路贷”')).toBe('“网络‘套路贷’”');
  });
});
