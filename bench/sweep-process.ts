import { openDatabase } from '../db/client';
import { benchSweep } from './sweep';

/**
 * `node --expose-gc --import tsx bench/sweep-process.ts <database url> <now>`:
 * times the sweeps of bench/sweep.ts on a filled database in a process of
 * its own, as a server sweeps in its own, and prints the result as JSON.
 * In the bench's own process it paid for what the parts before it had left
 * there, even with the heap collected first: after the board and web parts
 * (`--only board,web,sweep`) 248 ms with 270 ms of the process's CPU, and
 * 241 ms with 267 ms in a full run, where with nothing before it (`--only
 * sweep,engine`, the same hour) 167 ms with 171 ms. Here, after the board
 * and web parts: 160 ms with 162 ms.
 */
const [url, nowIso] = process.argv.slice(2);
if (url === undefined || nowIso === undefined) throw new Error('usage: sweep-process.ts <database url> <now>');
const database = await openDatabase(url);
try {
  process.stdout.write(JSON.stringify(await benchSweep(database, new Date(nowIso))));
} finally {
  await database.close();
}
