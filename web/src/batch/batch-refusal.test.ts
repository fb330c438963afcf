import { describe, expect, it } from 'vitest';
import { fieldsRefused } from './batch-refusal';

const visible = { zh: '须含可见文字', en: 'something one can see' };
const reasonRefused = { fields: [{ field: 'payload.reason', message: visible }] };
const asked = ['until', 'reason'];

describe('a batch refused for what was typed', () => {
  it('marks the field when every item was refused for it, nothing changed: the dialog stays open with the text', () => {
    expect(fieldsRefused(2, { changed: 0, refused: [reasonRefused, reasonRefused], stopped: null, unknown: 0 }, asked)).toEqual({ reason: visible });
  });

  it('marks the field when a request was refused as a whole for it, before anything changed', () => {
    expect(fieldsRefused(3, { changed: 0, refused: [], stopped: { fields: [{ field: 'payload.until', message: visible }] }, unknown: 0 }, asked)).toEqual({ until: visible });
  });

  it('leaves it to the result when anything else happened: an item changed, one refused for its own reason, an answer lost, a field not asked', () => {
    expect(fieldsRefused(2, { changed: 1, refused: [reasonRefused], stopped: null, unknown: 0 }, asked)).toBeNull();
    expect(fieldsRefused(2, { changed: 0, refused: [reasonRefused, {}], stopped: null, unknown: 0 }, asked)).toBeNull();
    expect(fieldsRefused(2, { changed: 0, refused: [reasonRefused], stopped: null, unknown: 1 }, asked)).toBeNull();
    expect(fieldsRefused(1, { changed: 0, refused: [], stopped: { fields: [] }, unknown: 0 }, asked)).toBeNull();
    expect(fieldsRefused(1, { changed: 0, refused: [], stopped: { fields: [{ field: 'items.0.payload', message: visible }] }, unknown: 0 }, asked)).toBeNull();
  });
});
