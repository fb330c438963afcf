import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cluePayloadSchemas } from './clue/clue.model';
import { problemPayloadSchemas } from './problem/problem.model';
import { validate, validatePayload } from './validation';

const schemas: Record<string, z.ZodType> = { ...cluePayloadSchemas, ...problemPayloadSchemas };

describe('payload validation', () => {
  it.each(Object.entries(schemas))('answers an absent or empty payload of %s as validating {} does, every time', (_event, schema) => {
    const expected = validate(schema, {});
    expect(validatePayload(schema, undefined)).toEqual(expected);
    expect(validatePayload(schema, {})).toEqual(expected);
    // The second answer comes from the cache: still the same, and nothing can change it.
    const again = validatePayload(schema, {});
    expect(again).toEqual(expected);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('validates a payload with fields every time', () => {
    const schema = cluePayloadSchemas['clue.file'];
    expect(validatePayload(schema, {})).toMatchObject({ ok: false, missing: true });
    expect(validatePayload(schema, { caseNumber: ' 汉公刑立字〔2026〕12号 ', conclusion: '查证属实' })).toEqual({
      ok: true,
      data: { caseNumber: '汉公刑立字〔2026〕12号', conclusion: '查证属实' },
    });
    expect(validatePayload(schema, { caseNumber: '', conclusion: '查证属实' })).toMatchObject({ ok: false, missing: false });
  });

  it('does not take a non-plain or non-object payload for an empty one', () => {
    const schema = cluePayloadSchemas['clue.verify'];
    expect(validatePayload(schema, {}).ok).toBe(true);
    expect(validatePayload(schema, []).ok).toBe(false);
    expect(validatePayload(schema, null).ok).toBe(false);
    expect(validatePayload(schema, 'x').ok).toBe(false);
  });
});
