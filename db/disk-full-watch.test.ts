import { LibsqlError } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { DiskFullWatch } from './disk-full-watch';

const full = () => new LibsqlError('database or disk is full', 'SQLITE_FULL');

describe('the disk-full watch', () => {
  it('is full from the first write that fails for want of room until one succeeds, and says each change once', () => {
    const changes: (string | null)[] = [];
    const watch = new DiskFullWatch((reason) => changes.push(reason));
    watch.wrote();
    expect(watch.reason).toBeNull();
    watch.failed(full());
    watch.failed(full());
    expect(watch.reason).toBe('SQLITE_FULL: database or disk is full');
    watch.wrote();
    watch.wrote();
    expect(watch.reason).toBeNull();
    expect(changes).toEqual(['SQLITE_FULL: database or disk is full', null]);
  });

  it('takes no other failure for a full disk', () => {
    const changes: (string | null)[] = [];
    const watch = new DiskFullWatch((reason) => changes.push(reason));
    watch.failed(new LibsqlError('UNIQUE constraint failed: marks.name', 'SQLITE_CONSTRAINT'));
    watch.failed(new Error('no such clue'));
    expect(watch.reason).toBeNull();
    expect(changes).toEqual([]);
  });
});
