import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { randomUuid } from './random-uuid';

describe('randomUuid', () => {
  test('is a version 4 UUID the server accepts as a progress id, a new one each time', () => {
    const ids = Array.from({ length: 50 }, () => randomUuid());
    for (const id of ids) expect(z.uuid().safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(50);
  });
});
