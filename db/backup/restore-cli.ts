import { BackupError, restoreDatabase } from './backup';
import { databaseUrlOf, operatorPath } from './operator-paths';
import { fileFailureOf } from '../system-error';

/**
 * `npm run restore -- FILE`: replaces the database at DATABASE_URL with a backup whose audit chain verifies. The server must be stopped.
 * A relative FILE is read from the folder npm was run in; DATABASE_URL as the server reads it (see databaseUrlOf).
 */
const url = databaseUrlOf();
const [source, ...more] = process.argv.slice(2);
// An option (--force) or a second file would be left unread without a word: there are none.
if (source === undefined || source.startsWith('-') || more.length > 0) {
  console.error('Usage: npm run restore -- FILE   (stop Battlemap first; restores into DATABASE_URL, default file:./data/battlemap.db in the package folder)');
  process.exit(2);
}
try {
  const backup = operatorPath(source);
  const { verified, replaced, logsKept } = await restoreDatabase(backup, url);
  console.log(`Restored ${backup} into ${url}: audit log intact, ${verified.entries} entries, ${verified.items} items replay to their stored state, ${verified.files} attached files have the SHA-256 recorded.`);
  if (replaced !== null) console.log(`The database it replaced is kept as ${replaced}${logsKept.length === 0 ? '' : `, with its ${logsKept.join(', ')}`}; delete it once you are sure.`);
  else if (logsKept.length > 0) {
    // No database was there, yet its logs were: SQLite would have replayed them into the one restored.
    console.log(`The log files left where the database was, without it, are kept as ${logsKept.join(', ')} (not read into the restored database); delete them once you are sure.`);
  }
} catch (error) {
  const failure = error instanceof BackupError ? null : fileFailureOf(error);
  // A folder it may not write in, a full disk: one line naming the file and why, not Node's stack trace. Anything else is a bug, and keeps its stack.
  if (failure !== null) console.error(`恢复失败：${failure.zh} / The restore failed: ${failure.en}`);
  else console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
