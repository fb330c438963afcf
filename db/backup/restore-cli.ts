import { BackupError, restoreDatabase } from './backup';
import { databaseUrlOf, operatorPath } from './operator-paths';
import { operatorLine } from '../operator-line';
import { fileFailureOf } from '../system-error';

/**
 * `npm run restore -- FILE`: replaces the database at DATABASE_URL with a backup whose audit chain verifies. The server must be stopped.
 * A relative FILE is read from the folder npm was run in; DATABASE_URL as the server reads it (see databaseUrlOf).
 */
const url = databaseUrlOf();
const [source, ...more] = process.argv.slice(2);
// An option (--force) or a second file would be left unread without a word: there are none.
if (source === undefined || source.startsWith('-') || more.length > 0) {
  console.error(
    operatorLine({
      zh: '用法：npm run restore -- 文件   （请先停止 Battlemap；恢复到 DATABASE_URL 所指的数据库，默认为程序文件夹中的 file:./data/battlemap.db）',
      en: 'Usage: npm run restore -- FILE   (stop Battlemap first; restores into DATABASE_URL, default file:./data/battlemap.db in the package folder)',
    }),
  );
  process.exit(2);
}
try {
  const backup = operatorPath(source);
  const { verified, replaced, logsKept } = await restoreDatabase(backup, url);
  console.log(
    operatorLine({
      zh: `已将 ${backup} 恢复到 ${url}：审计日志完整，共 ${verified.entries} 条；${verified.items} 项回放结果与存储状态一致；${verified.files} 个附件的 SHA-256 与记录一致`,
      en: `Restored ${backup} into ${url}: audit log intact, ${verified.entries} entries, ${verified.items} items replay to their stored state, ${verified.files} attached files have the SHA-256 recorded.`,
    }),
  );
  const logs = logsKept.join(', ');
  if (replaced !== null) {
    console.log(
      operatorLine({
        zh: `被替换的数据库保留为 ${replaced}${logsKept.length === 0 ? '' : `，其日志文件保留为 ${logs}`}；确认无误后请删除`,
        en: `The database it replaced is kept as ${replaced}${logsKept.length === 0 ? '' : `, with its ${logs}`}; delete it once you are sure.`,
      }),
    );
  } else if (logsKept.length > 0) {
    // No database was there, yet its logs were: SQLite would have replayed them into the one restored.
    console.log(
      operatorLine({
        zh: `原数据库位置留有日志文件而没有数据库，这些文件保留为 ${logs}（未读入恢复的数据库）；确认无误后请删除`,
        en: `The log files left where the database was, without it, are kept as ${logs} (not read into the restored database); delete them once you are sure.`,
      }),
    );
  }
} catch (error) {
  const failure = error instanceof BackupError ? null : fileFailureOf(error);
  // A folder it may not write in, a full disk: one line naming the file and why, not Node's stack trace. Anything else is a bug, and keeps its stack.
  if (failure !== null) console.error(`恢复失败：${failure.zh} / The restore failed: ${failure.en}`);
  else console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
