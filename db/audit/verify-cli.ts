import { openDatabase } from '../client';
import { checkKeptFigures, rebuildKeptFigures, type KeptMismatch } from './kept-figures';
import { verifyAudit } from './verify';

/**
 * `npm run audit:verify [-- --rebuild-kept]`: checks the hash chain, that
 * every item is the replay of its entries, and that the figures triggers
 * keep (report tallies, solve times, board counts, escalation rungs) equal
 * what the log and the items give; `--rebuild-kept` rebuilds those from
 * them when they do not.
 */
const url = process.env.DATABASE_URL ?? 'file:./data/battlemap.db';
const rebuild = process.argv.includes('--rebuild-kept');
const database = await openDatabase(url, process.env.DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: process.env.DATABASE_AUTH_TOKEN });
const describe = (m: KeptMismatch) => `${m.table} (${m.missing} rows missing or different, ${m.extra} extra)`;
try {
  const result = await verifyAudit(database.db);
  if (!result.ok) {
    console.error(`audit log BROKEN at seq ${result.seq ?? '?'}${result.subject === undefined ? '' : ` (${result.subject} ${result.subjectId})`}: ${result.reason}`);
    process.exitCode = 1;
  } else {
    console.log(`audit log intact: ${result.entries} entries, ${result.items} items replay to their stored state, ${result.files} attached files have the SHA-256 recorded (${url})`);
    let mismatches = await checkKeptFigures(database.db);
    if (mismatches.length > 0 && rebuild) {
      console.log(`rebuilding what differed: ${mismatches.map(describe).join('; ')}`);
      await rebuildKeptFigures(database);
      mismatches = await checkKeptFigures(database.db);
    }
    if (mismatches.length === 0) console.log('kept figures (report tallies, solve times, board counts, escalation rungs) agree with the log and the items');
    else {
      console.error(`kept figures DIFFER: ${mismatches.map(describe).join('; ')}${rebuild ? '' : '. Run again with -- --rebuild-kept to rebuild them from the log and the items.'}`);
      process.exitCode = 1;
    }
  }
} finally {
  database.close();
}
