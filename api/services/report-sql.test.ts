import { describe, expect, it } from 'vitest';
import { wholeDays } from './report-sql';

const span = (from: string, to: string, asOf = '9999-12-31T23:59:59.999Z') => ({ from, to, asOf });

describe('the whole days of a report span', () => {
  it('are the UTC days from the first midnight at or after the start to the last midnight the span reaches', () => {
    expect(wholeDays(span('2026-02-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'))).toEqual({ from: '2026-02-01', to: '2026-05-01' });
    expect(wholeDays(span('2026-02-01T00:00:00.001Z', '2026-04-30T23:59:59.999Z'))).toEqual({ from: '2026-02-02', to: '2026-04-30' });
  });

  it('end where asOf cuts a day short, and include the day whose last millisecond is asOf', () => {
    expect(wholeDays(span('2026-02-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-04-20T11:30:00.000Z'))).toEqual({ from: '2026-02-01', to: '2026-04-20' });
    expect(wholeDays(span('2026-02-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-04-20T23:59:59.999Z'))).toEqual({ from: '2026-02-01', to: '2026-04-21' });
  });

  it('are none when the span holds no whole day', () => {
    expect(wholeDays(span('2026-03-15T06:00:00.000Z', '2026-03-16T05:00:00.000Z'))).toBeNull();
    expect(wholeDays(span('2026-03-15T00:00:00.000Z', '2026-03-15T23:59:59.999Z'))).toBeNull();
    expect(wholeDays(span('2026-03-15T00:00:00.000Z', '2026-03-16T00:00:00.000Z', '2026-03-15T23:59:59.998Z'))).toBeNull();
  });

  it('cover the whole campaign when no bounds are given', () => {
    expect(wholeDays(span('0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'))).toEqual({ from: '0000-01-01', to: '9999-12-31' });
  });
});
