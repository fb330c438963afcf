import { LibsqlError } from '@libsql/client';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { CannotStart, startFailureLine } from './cannot-start';

describe('what a start that stops says', () => {
  it('says a refusal of its own in one line, Chinese then English', () => {
    const refusal = new CannotStart({ zh: 'Battlemap 无法启动：原因', en: 'Battlemap cannot start: the reason.' });
    expect(startFailureLine(refusal)).toBe('Battlemap 无法启动：原因 / Battlemap cannot start: the reason.');
  });

  it("says the database's refusal of a later step in one line of both languages with libSQL's reason, not drizzle's failed query", () => {
    const busy = new LibsqlError('database is locked', 'SQLITE_BUSY');
    const failed = new DrizzleQueryError('insert into "users" ("username", …) values (?, …)', ['admin'], busy);
    expect(startFailureLine(failed)).toBe(
      'Battlemap 无法启动：数据库拒绝了启动时的操作：SQLITE_BUSY: database is locked / Battlemap cannot start: the database refused what the start asked of it: SQLITE_BUSY: database is locked.',
    );
  });
});
