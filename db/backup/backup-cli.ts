import { BackupError, backupDatabase } from './backup';
import { databaseUrlOf, operatorPath } from './operator-paths';
import { fileFailureOf } from '../system-error';

/** `npm run backup -- FILE`: a consistent copy of the database at DATABASE_URL, safe while the server runs. A relative FILE is read from the folder npm was run in; DATABASE_URL as the server reads it (see databaseUrlOf). */
const url = databaseUrlOf();
const [target, ...more] = process.argv.slice(2);
// An option (--force) or a second file would be left unread without a word: there are none.
if (target === undefined || target.startsWith('-') || more.length > 0) {
  console.error('Usage: npm run backup -- FILE   (writes a copy of the database at DATABASE_URL, default file:./data/battlemap.db in the package folder)');
  process.exit(2);
}
try {
  const started = performance.now();
  const { path, bytes } = await backupDatabase(url, operatorPath(target));
  console.log(`Backed up ${url} to ${path} (${(bytes / 1_048_576).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms).`);
} catch (error) {
  const failure = error instanceof BackupError ? null : fileFailureOf(error);
  // A folder it may not write in, a full disk: one line naming the file and why, not Node's stack trace. Anything else is a bug, and keeps its stack.
  if (failure !== null) console.error(`备份失败：${failure.zh} / The backup failed: ${failure.en}`);
  else console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
