import { describe, expect, it } from 'vitest';
import { validate } from './validation';
import { freeObject, maxNesting, nestedDeeperThan } from './nesting';

/** An object nested `levels` levels deep: `{ a: { a: … {} } }`. */
const nestedObject = (levels: number): unknown => {
  let value: unknown = {};
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return value;
};

describe('how deep a free-form object may nest', () => {
  it('counts objects and arrays alike, scalars not at all', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan({}, 1)).toBe(false);
    expect(nestedDeeperThan({ a: [1, 'x'] }, 1)).toBe(true);
    expect(nestedDeeperThan({ a: [1, 'x'] }, 2)).toBe(false);
    expect(nestedDeeperThan({ a: 1, b: { c: [[]] } }, 3)).toBe(true);
  });

  it(`takes ${maxNesting} levels and refuses one more, in both languages`, () => {
    expect(validate(freeObject(), nestedObject(maxNesting)).ok).toBe(true);
    const refused = validate(freeObject(), nestedObject(maxNesting + 1));
    expect(refused.ok ? [] : refused.fields).toEqual([{ field: '', message: { zh: '嵌套不能超过 32 层', en: 'Nested more than 32 levels deep' } }]);
  });

  it('says so of a value nested far past the stack without overflowing it', () => {
    let value: unknown = [];
    for (let i = 0; i < 200_000; i += 1) value = [value];
    expect(validate(freeObject(), { payload: value }).ok).toBe(false);
  });

  it('says of an array sent for an object that it must be an object, not zod\'s "record"', () => {
    const refused = validate(freeObject(), []);
    expect(refused.ok ? [] : refused.fields.map((f) => f.message)).toEqual([{ zh: '应为对象', en: 'Must be an object' }]);
  });
});
