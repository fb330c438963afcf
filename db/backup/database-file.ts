import type { Client } from '@libsql/client';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** What every SQLite database file begins with. */
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Why a file cannot be a SQLite database, read from its first bytes (SQLite itself opens an empty file as an empty database), or null if it may be one. */
export function sqliteFileProblem(path: string): 'notFile' | 'empty' | 'notSqlite' | null {
  const stat = statSync(path);
  if (!stat.isFile()) return 'notFile';
  if (stat.size === 0) return 'empty';
  const head = Buffer.alloc(sqliteHeader.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(sqliteHeader) ? null : 'notSqlite';
}

/** Tables every Battlemap database has from its first start (its first migration), before any campaign is created. */
const battlemapTables = ['audit_log', 'campaigns'] as const;

/** The Battlemap tables the database lacks: all of them for another program's database. */
export async function missingBattlemapTables(client: Client): Promise<string[]> {
  const { rows } = await client.execute({
    sql: `select name from sqlite_master where type = 'table' and name in (${battlemapTables.map(() => '?').join(', ')})`,
    args: [...battlemapTables],
  });
  const present = new Set(rows.map((row) => String(row.name)));
  return battlemapTables.filter((table) => !present.has(table));
}

/** The first line of an error, as a reason in a one-line message. */
export function firstLineOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * What SQLite's `PRAGMA integrity_check` finds wrong in the database (its
 * first finding, and how many more), or null when it finds it whole. A file
 * damaged badly enough makes the check itself fail: that is the finding.
 */
export async function integrityProblem(client: Client): Promise<string | null> {
  let rows: string[];
  try {
    rows = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]));
  } catch (error) {
    return firstLineOf(error);
  }
  if (rows.length === 1 && rows[0] === 'ok') return null;
  // A row may hold several findings, a line each, under a heading naming the schema.
  const findings = rows.flatMap((row) => row.split('\n')).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('*** in database'));
  const [first = 'not ok'] = findings;
  return findings.length <= 1 ? first : `${first} (and ${findings.length - 1} more)`;
}
