import { BackupError, restoreDatabase } from './backup';
import { databaseUrlOf, operatorPath } from './operator-paths';

/**
 * `npm run restore -- FILE`: replaces the database at DATABASE_URL with a backup whose audit chain verifies. The server must be stopped.
 * Relative paths are read from the folder npm was run in.
 */
const url = databaseUrlOf();
const source = process.argv[2];
if (source === undefined || source.startsWith('-')) {
  console.error('Usage: npm run restore -- FILE   (stop Battlemap first; restores into DATABASE_URL, default file:./data/battlemap.db)');
  process.exit(2);
}
try {
  const backup = operatorPath(source);
  const { verified, replaced } = await restoreDatabase(backup, url);
  console.log(`Restored ${backup} into ${url}: audit log intact, ${verified.entries} entries, ${verified.items} items replay to their stored state, ${verified.files} attached files have the SHA-256 recorded.`);
  if (replaced !== null) console.log(`The database it replaced is kept as ${replaced}; delete it once you are sure.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
