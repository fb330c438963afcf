import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { units, users } from '../db/schema';
import { actorOf } from '../api/middleware/viewer';
import { campaignReport } from '../api/services/report';
import { loadCampaign } from '../api/services/campaign-rules';
import { commitImport } from '../api/services/import/import-clues';
import { tableReaderIn } from '../api/services/import/table-reader';
import { benchNow } from './bench-data';
import { collectGarbage } from './collect-garbage';

export interface ReportBench {
  readonly medianMs: number;
  readonly runs: number[];
  readonly cluesFound: number;
}

export interface ImportBench {
  readonly ms: number;
  readonly created: number;
}

/** The whole-campaign completion report, timed in process over the project's own code path (median of `runs`). */
export async function benchReport(database: Database, runs: number): Promise<ReportBench> {
  const times: number[] = [];
  let cluesFound = 0;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const started = performance.now();
    const report = await campaignReport(database.db, await loadCampaign(database.db, 1), {}, benchNow);
    times.push(performance.now() - started);
    cluesFound = report.total.figures.cluesFound;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runs: times, cluesFound };
}

/** A CSV of `rows` new clues, as an office would export it: id, title, description with a phone number, unit, source. */
export function importCsv(rows: number): Uint8Array {
  const unitsOf = ['汉台分局', 'nanzheng', 'chenggu', 'yangxian', 'xixiang', 'mianxian'];
  const lines = ['编号,标题,内容,单位,来源'];
  for (let i = 0; i < rows; i++) lines.push(`BENCH-${i},批量导入线索${i},联系电话1${3 + (i % 7)}${String(100_000_000 + ((i * 7919) % 899_999_999))},${unitsOf[i % unitsOf.length]},其他`);
  return new TextEncoder().encode(lines.join('\n'));
}

/**
 * The server's reader: the file is read on a thread of its own, as the API route reads it, by the built server's
 * script (`npm run build`; from the sources the thread would first compile them, 2.5 s the built server never spends).
 */
const readOnThread = tableReaderIn(new URL('../dist/server/read-table-worker.mjs', import.meta.url));

/** Parses and imports a CSV through the same service the API route and CLI use, timed end to end. */
export async function benchImport(database: Database, bytes: Uint8Array): Promise<ImportBench> {
  const [office] = await database.db.select().from(users).where(eq(users.username, 'office'));
  if (office === undefined) throw new Error('no office user');
  const actor = actorOf(office, await database.db.select({ id: units.id, parentId: units.parentId }).from(units));
  collectGarbage();
  const started = performance.now();
  const table = await readOnThread(bytes);
  const result = await commitImport(database, 1, table, undefined, actor, benchNow, { onlyValid: false });
  return { ms: performance.now() - started, created: result.created };
}
