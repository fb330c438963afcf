import { parseArgs } from 'node:util';
import { databaseUrlOf } from '../backup/operator-paths';
import { localPathOf } from '../backup/server-lock';
import { openDatabase } from '../client';
import { libsqlErrorIn, reasonOf } from '../error-cause';
import { checkKeptFigures, rebuildKeptFigures, type KeptMismatch } from './kept-figures';
import { expectedEntryOf, mismatchCount, mismatchLine, verifyAudit } from './verify';
import { CannotVerify, openToVerify } from './verify-open';

/**
 * `npm run audit:verify [-- --expect SEQ:HASH --rebuild-kept]`: checks
 * the hash chain, that every item is the replay of its entries, and that
 * the figures triggers keep (report tallies, solve times, board counts,
 * escalation rungs) equal what the log and the items give; `--rebuild-kept`
 * rebuilds those from them when they do not. It says the newest entry's seq
 * and hash, for the operator to record elsewhere: `--expect` fails a log
 * that no longer holds that entry with that hash (cut, or rewritten), which
 * the chain alone cannot show. It only reads the database (see
 * openToVerify), but for that rebuild, when asked. A relative `file:`
 * DATABASE_URL is read as the server reads it (see databaseUrlOf).
 */
const usage = 'usage: npm run audit:verify -- [--expect SEQ:HASH] [--rebuild-kept]   (SEQ:HASH: the newest entry an earlier verification printed)';
let options: { expect?: string; 'rebuild-kept': boolean };
try {
  options = parseArgs({ options: { expect: { type: 'string' }, 'rebuild-kept': { type: 'boolean', default: false } } }).values;
} catch (error) {
  // An option mistyped would otherwise check less than asked and pass.
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const expected = options.expect === undefined ? undefined : (expectedEntryOf(options.expect) ?? undefined);
if (options.expect !== undefined && expected === undefined) {
  console.error(`--expect ${options.expect} is not SEQ:HASH (a sequence number, a colon, and the entry's 64 hexadecimal digits)\n${usage}`);
  process.exit(2);
}
const url = databaseUrlOf();
const rebuild = options['rebuild-kept'];
const authToken = process.env.DATABASE_AUTH_TOKEN;
const describe = (m: KeptMismatch) => `${m.table} (${m.missing} rows missing or different, ${m.extra} extra)`;
let reader: Awaited<ReturnType<typeof openToVerify>> | undefined;
try {
  reader = await openToVerify(url, authToken);
  const result = await verifyAudit(reader.db, expected);
  if (!result.ok && !result.logIntact) {
    console.error(`audit log BROKEN at seq ${result.seq}${result.subject === undefined ? '' : ` (${result.subject} ${result.subjectId})`}: ${result.reason}`);
    process.exitCode = 1;
  } else if (!result.ok) {
    // The chain is whole: what differs was changed in the database outside Battlemap, and the log still says what it was. Every one is named, not the first alone.
    console.error(`audit log intact (${result.entries} entries), but ${mismatchCount(result)} match it:`);
    for (const mismatch of result.mismatches) console.error(`  ${mismatchLine(mismatch)}`);
    if (result.more > 0) console.error(`  … and ${result.more} more`);
    process.exitCode = 1;
  } else {
    console.log(`audit log intact: ${result.entries} entries, ${result.items} items replay to their stored state, ${result.files} attached files have the SHA-256 recorded (${url})`);
    if (expected !== undefined) console.log(`entry ${expected.seq} is still in the chain with the hash expected, and so is every entry before it`);
    if (result.newest === null) console.log('the log has no entry yet');
    else {
      const stamp = `${result.newest.seq}:${result.newest.hash}`;
      console.log(
        `newest entry: seq ${result.newest.seq}, hash ${result.newest.hash}. Record it away from this machine: ` +
          `a later \`npm run audit:verify -- --expect ${stamp}\` fails if the log no longer holds that entry with that hash (cut short, or rewritten).`,
      );
    }
    let mismatches = await checkKeptFigures(reader.db);
    if (mismatches.length > 0 && rebuild) {
      console.log(`rebuilding what differed: ${mismatches.map(describe).join('; ')}`);
      // The one write, asked for: the schema is this version's (openToVerify refuses an older one), so opening it to write migrates nothing.
      const database = await openDatabase(url, authToken === undefined ? {} : { authToken });
      try {
        await rebuildKeptFigures(database);
      } finally {
        await database.close();
      }
      mismatches = await checkKeptFigures(reader.db);
    }
    if (mismatches.length === 0) console.log('kept figures (report tallies, solve times, board counts, escalation rungs) agree with the log and the items');
    else {
      console.error(`kept figures DIFFER: ${mismatches.map(describe).join('; ')}${rebuild ? '' : '. Run again with -- --rebuild-kept to rebuild them from the log and the items.'}`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  if (error instanceof CannotVerify) console.error(error.message);
  else if (libsqlErrorIn(error) !== undefined) {
    // A file SQLite cannot read (damaged), met by a query of drizzle's or our own: said in a line, not a stack trace.
    const shownAs = reader?.shownAs ?? localPathOf(url) ?? url;
    console.error(`无法读取 ${shownAs}（${reasonOf(error)}） / Could not read ${shownAs}: ${reasonOf(error)}`);
  } else throw error;
  process.exitCode = 1;
} finally {
  reader?.close();
}
