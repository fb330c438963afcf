import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { checkKeptFigures } from './audit/kept-figures';
import { reportBySql } from '../api/services/report-sql';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-clue-reopened-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;

/** An entry of clue 1's history as the code before 0033 wrote it (its trigger tallied it, unless it was a reopening). */
const entry = (seq: number, at: string, event: string, fromState: string | null, toState: string, payload: Record<string, unknown>) =>
  `(${seq}, '${at}', null, 1, 'clue', 1, '${event}', ${fromState === null ? 'null' : `'${fromState}'`}, '${toState}', '${JSON.stringify({ type: event, ...payload })}', ${seq}, 'U1', null, 'p${seq}', 'h${seq}')`;

describe('migration 0033 (a reopened clue takes back its dismissal)', () => {
  it('counts a clue found unfounded, reopened and filed, written before it, as one clue verified and filed, none unfounded', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 33) });
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'c', '专项', 'Campaign', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00.000Z')`,
      `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, unit_id, category_id, prev_hash, hash)
       values ${entry(1, '2026-03-01T02:00:00.000Z', 'clue.create', null, 'found', { input: { unitId: 'U1', categoryId: null, foundAt: '2026-03-01T02:00:00.000Z' } })},
              ${entry(2, '2026-03-02T02:00:00.000Z', 'clue.verify', 'found', 'verifying', {})},
              ${entry(3, '2026-03-05T02:00:00.000Z', 'clue.dismiss', 'verifying', 'unfounded', { conclusion: '经核查，举报内容不属实' })},
              ${entry(4, '2026-03-09T02:00:00.000Z', 'clue.reopen', 'unfounded', 'verifying', { reason: '有新的举报材料' })},
              ${entry(5, '2026-03-12T02:00:00.000Z', 'clue.file', 'verifying', 'filed', { caseNumber: 'A1', conclusion: '属实' })}`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const now = new Date('2026-06-01T00:00:00.000Z');
      const counted = async (from: string, to: string) => {
        const { cluesVerified, cluesUnfounded, casesFiled } = (await reportBySql(database.db, 1, { from, to, asOf: now.toISOString() }, now)).total.figures;
        return [cluesVerified, cluesUnfounded, casesFiled];
      };
      // Whole days, read from the tallies: the reopening written before the migration is tallied by it.
      expect(await counted('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toEqual([1, 0, 1]);
      expect(await counted('2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toEqual([-1, -1, 0]);
      // Hours, read from the entries themselves.
      expect(await counted('2026-03-09T01:00:00.000Z', '2026-03-09T03:00:00.000Z')).toEqual([-1, -1, 0]);
      // The tallies are those their derivation gives, and a reopening written now is tallied by the trigger.
      expect(await checkKeptFigures(database.db)).toEqual([]);
      await database.client.execute(
        `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, unit_id, category_id, prev_hash, hash)
         values ${entry(6, '2026-04-02T02:00:00.000Z', 'clue.reopen', 'unfounded', 'verifying', { reason: '再次核查' })}`,
      );
      expect(await counted('2026-04-02T00:00:00.000Z', '2026-04-03T00:00:00.000Z')).toEqual([-1, -1, 0]);
    } finally {
      await database.close();
    }
  });
});
