import { describe, expect, it } from 'vitest';
import { storageSize, storageToWarnOf, storageUse } from './attachments';

const megabyte = 1024 * 1024;

describe("a campaign's file storage against its limit", () => {
  it('says the share used in whole per cent, "<1" below one, and never past 100', () => {
    expect(storageUse(0, 100).percent).toBe('0');
    expect(storageUse(0.5 * megabyte, 100).percent).toBe('<1');
    expect(storageUse(41.6 * megabyte, 100).percent).toBe('42');
    expect(storageUse(130 * megabyte, 100).percent).toBe('100');
  });

  it('is nearly full from nine tenths on, and full when no byte is left', () => {
    expect(storageUse(89.9 * megabyte, 100)).toMatchObject({ nearlyFull: false, full: false });
    expect(storageUse(90 * megabyte, 100)).toMatchObject({ nearlyFull: true, full: false, leftBytes: 10 * megabyte });
    expect(storageUse(100 * megabyte - 1, 100)).toMatchObject({ nearlyFull: true, full: false, leftBytes: 1 });
    expect(storageUse(100 * megabyte, 100)).toMatchObject({ nearlyFull: true, full: true, leftBytes: 0 });
    // A limit lowered below what is held: full, nothing left (not a negative room).
    expect(storageUse(120 * megabyte, 100)).toMatchObject({ full: true, leftBytes: 0 });
  });

  it('is warned of from nine tenths on, with its limit; not without a limit or with room', () => {
    expect(storageToWarnOf(null)).toBeNull();
    expect(storageToWarnOf({ usedBytes: 89 * megabyte, quotaMb: 100 })).toBeNull();
    expect(storageToWarnOf({ usedBytes: 95 * megabyte, quotaMb: 100 })).toMatchObject({ percent: '95', quotaMb: 100, full: false, leftBytes: 5 * megabyte });
    expect(storageToWarnOf({ usedBytes: 100 * megabyte, quotaMb: 100 })).toMatchObject({ full: true, quotaMb: 100 });
  });

  it('writes sizes as the office reads them beside a limit in megabytes', () => {
    expect(storageSize(40 * 1024)).toBe('40 KB');
    expect(storageSize(1.5 * megabyte)).toBe('1.5 MB');
    expect(storageSize(320 * megabyte)).toBe('320 MB');
    expect(storageSize(12.5 * 1024 * megabyte)).toBe('12.5 GB');
  });
});
