import { BackupError, backupDatabase } from './backup';
import { databaseUrlOf, operatorPath } from './operator-paths';
import { operatorLine } from '../operator-line';
import { fileFailureOf } from '../system-error';

/** `npm run backup -- FILE`: a consistent copy of the database at DATABASE_URL, safe while the server runs. A relative FILE is read from the folder npm was run in; DATABASE_URL as the server reads it (see databaseUrlOf). */
const url = databaseUrlOf();
const [target, ...more] = process.argv.slice(2);
// An option (--force) or a second file would be left unread without a word: there are none.
if (target === undefined || target.startsWith('-') || more.length > 0) {
  console.error(
    operatorLine({
      zh: '用法：npm run backup -- 文件   （将 DATABASE_URL 所指的数据库复制到该文件，默认为程序文件夹中的 file:./data/battlemap.db）',
      en: 'Usage: npm run backup -- FILE   (writes a copy of the database at DATABASE_URL, default file:./data/battlemap.db in the package folder)',
    }),
  );
  process.exit(2);
}
try {
  const started = performance.now();
  const { path, bytes } = await backupDatabase(url, operatorPath(target));
  const megabytes = (bytes / 1_048_576).toFixed(1);
  const ms = Math.round(performance.now() - started);
  console.log(operatorLine({ zh: `已将 ${url} 备份到 ${path}（${megabytes} MB，用时 ${ms} 毫秒）`, en: `Backed up ${url} to ${path} (${megabytes} MB, ${ms} ms).` }));
} catch (error) {
  const failure = error instanceof BackupError ? null : fileFailureOf(error);
  // A folder it may not write in, a full disk: one line naming the file and why, not Node's stack trace. Anything else is a bug, and keeps its stack.
  if (failure !== null) console.error(`备份失败：${failure.zh} / The backup failed: ${failure.en}`);
  else console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
