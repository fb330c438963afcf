import { openDatabase } from '../db/client';
import { benchNow } from './bench-data';
import { benchImport, benchReport, importCsv } from './report-import';
import { benchSweep } from './sweep';

/**
 * `node --expose-gc --import tsx bench/part-process.ts <part> <database url> [count]`:
 * times one of the parts a server does in its own process, on a database
 * the bench has filled, in a process of its own, and prints the result as
 * JSON. The parts: `sweep` (bench/sweep.ts's two sweeps), `report` (the
 * completion report, `count` runs) and `import` (a CSV of `count` rows).
 *
 * In the bench's own process each paid for what the parts before it had
 * left there, even with the heap collected first. The sweep, after the
 * board and web parts (`--only board,web,sweep`): 248 ms with 270 ms of the
 * process's CPU, and 241 ms with 267 ms in a full run, where with nothing
 * before it (`--only sweep,engine`, the same hour) 167 ms with 171 ms; in a
 * process of its own after the board and web parts, 160 ms with 162 ms.
 */
const [part, url, count] = process.argv.slice(2);
if (url === undefined || (part !== 'sweep' && part !== 'report' && part !== 'import')) throw new Error('usage: part-process.ts sweep|report|import <database url> [count]');
const database = await openDatabase(url);
try {
  const result = part === 'sweep' ? await benchSweep(database, benchNow) : part === 'report' ? await benchReport(database, Number(count ?? 3)) : await benchImport(database, importCsv(Number(count ?? 0)));
  process.stdout.write(JSON.stringify(result));
} finally {
  await database.close();
}
