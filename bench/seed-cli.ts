import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBenchDatabase, simulateAtMost } from './bench-data';

/**
 * `npm run seed -- --clues N [--problems M] [--database file:...]`: a demo
 * campaign of N clues for benchmarks and demos, generated with the seeded
 * generator (the same data on every machine). Refuses a file that exists.
 */
const { values } = parseArgs({
  options: {
    clues: { type: 'string', default: '300' },
    problems: { type: 'string' },
    database: { type: 'string', default: 'file:./data/bench.db' },
  },
});

const clues = Number(values.clues);
const problems = values.problems === undefined ? undefined : Number(values.problems);
if (!Number.isSafeInteger(clues) || clues < 1) throw new Error(`--clues must be a positive integer, not ${values.clues}`);
if (problems !== undefined && (!Number.isSafeInteger(problems) || problems < 0)) throw new Error(`--problems must be a non-negative integer, not ${values.problems}`);
const url = values.database;
if (url.startsWith('file:') && existsSync(url.slice('file:'.length))) {
  console.error(`${url} exists; remove it or name another --database`);
  process.exit(1);
}

const data = await createBenchDatabase({ url, clues, ...(problems !== undefined && { problems }) });
data.database.close();
console.log(
  `Seeded ${url}: ${clues.toLocaleString('en')} clues (${data.simulated.toLocaleString('en')} through the engine` +
    `${data.cloned > 0 ? `, ${data.cloned.toLocaleString('en')} cloned from them with their audit entries` : ''}) in ${(data.ms / 1000).toFixed(1)} s.`,
);
if (clues > simulateAtMost) console.log('Clones copy simulated clues under new ids; `npm run audit:verify` passes on this database.');
console.log(`Serve it with: DATABASE_URL=${url} BATTLEMAP_NOW=${new Date('2026-06-15T02:00:00.000Z').toISOString()} npm run serve`);
