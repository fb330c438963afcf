import { parseArgs } from 'node:util';
import { databaseUrlOf } from '../backup/operator-paths';
import { localPathOf } from '../backup/server-lock';
import { openDatabase } from '../client';
import { libsqlErrorIn, reasonOf } from '../error-cause';
import { operatorLine } from '../operator-line';
import { checkKeptFigures, rebuildKeptFigures, type KeptMismatch } from './kept-figures';
import { expectedEntryOf, mismatchCount, mismatchLine, subjectOf, verifyAudit } from './verify';
import type { Label } from '../../engine/labels';
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
const usage = operatorLine({
  zh: '用法：npm run audit:verify -- [--expect 序号:哈希] [--rebuild-kept]   （序号:哈希：之前一次校验给出的最新一条）',
  en: 'usage: npm run audit:verify -- [--expect SEQ:HASH] [--rebuild-kept]   (SEQ:HASH: the newest entry an earlier verification printed)',
});
let options: { expect?: string; 'rebuild-kept': boolean };
try {
  options = parseArgs({ options: { expect: { type: 'string' }, 'rebuild-kept': { type: 'boolean', default: false } } }).values;
} catch (error) {
  // An option mistyped would otherwise check less than asked and pass.
  const said = error instanceof Error ? error.message : String(error);
  console.error(`选项有误：${said} / The options are wrong: ${said}\n${usage}`);
  process.exit(2);
}
const expected = options.expect === undefined ? undefined : (expectedEntryOf(options.expect) ?? undefined);
if (options.expect !== undefined && expected === undefined) {
  console.error(
    `${operatorLine({
      zh: `--expect ${options.expect} 不是“序号:哈希”：应为序号、冒号，再加该条的 64 位十六进制哈希`,
      en: `--expect ${options.expect} is not SEQ:HASH (a sequence number, a colon, and the entry's 64 hexadecimal digits)`,
    })}\n${usage}`,
  );
  process.exit(2);
}
const url = databaseUrlOf();
const rebuild = options['rebuild-kept'];
const authToken = process.env.DATABASE_AUTH_TOKEN;
/** The kept figures that differ, table by table, in both languages. */
const described = (mismatches: readonly KeptMismatch[]): Label => ({
  zh: mismatches.map((m) => `${m.table}（${m.missing} 行缺失或不同，多出 ${m.extra} 行）`).join('；'),
  en: mismatches.map((m) => `${m.table} (${m.missing} rows missing or different, ${m.extra} extra)`).join('; '),
});
let reader: Awaited<ReturnType<typeof openToVerify>> | undefined;
try {
  reader = await openToVerify(url, authToken);
  const result = await verifyAudit(reader.db, expected);
  if (!result.ok && !result.logIntact) {
    const item = result.subject === undefined ? null : subjectOf(result.subject, result.subjectId);
    console.error(
      operatorLine({
        zh: `审计日志在第 ${result.seq} 条处已损坏${item === null ? '' : `（${item.zh}）`}：${result.reason.zh}`,
        en: `audit log BROKEN at seq ${result.seq}${item === null ? '' : ` (${item.en})`}: ${result.reason.en}`,
      }),
    );
    process.exitCode = 1;
  } else if (!result.ok) {
    // The chain is whole: what differs was changed in the database outside Battlemap, and the log still says what it was. Every one is named, not the first alone.
    const count = mismatchCount(result);
    console.error(operatorLine({ zh: `审计日志完整（共 ${result.entries} 条），但有 ${count.zh}：`, en: `audit log intact (${result.entries} entries), but ${count.en} match it:` }));
    for (const mismatch of result.mismatches) console.error(`  ${operatorLine(mismatchLine(mismatch))}`);
    if (result.more > 0) console.error(`  ${operatorLine({ zh: `……另有 ${result.more} 项`, en: `… and ${result.more} more` })}`);
    process.exitCode = 1;
  } else {
    console.log(
      operatorLine({
        zh: `审计日志完整：共 ${result.entries} 条；${result.items} 项回放结果与存储状态一致；${result.files} 个附件的 SHA-256 与记录一致（${url}）`,
        en: `audit log intact: ${result.entries} entries, ${result.items} items replay to their stored state, ${result.files} attached files have the SHA-256 recorded (${url})`,
      }),
    );
    if (expected !== undefined) {
      console.log(
        operatorLine({
          zh: `第 ${expected.seq} 条仍在哈希链中，哈希与记录的一致，其前各条亦然`,
          en: `entry ${expected.seq} is still in the chain with the hash expected, and so is every entry before it`,
        }),
      );
    }
    if (result.newest === null) console.log(operatorLine({ zh: '日志中还没有任何记录', en: 'the log has no entry yet' }));
    else {
      const { seq, hash } = result.newest;
      const again = `npm run audit:verify -- --expect ${seq}:${hash}`;
      console.log(
        operatorLine({
          zh: `最新一条：序号 ${seq}，哈希 ${hash}。请将其记在本机以外：之后运行 \`${again}\`，日志中若已没有这一条或其哈希不同（被截短或被改写）即报错。`,
          en: `newest entry: seq ${seq}, hash ${hash}. Record it away from this machine: a later \`${again}\` fails if the log no longer holds that entry with that hash (cut short, or rewritten).`,
        }),
      );
    }
    let mismatches = await checkKeptFigures(reader.db);
    if (mismatches.length > 0 && rebuild) {
      const differing = described(mismatches);
      console.log(operatorLine({ zh: `正在重建不一致的部分：${differing.zh}`, en: `rebuilding what differed: ${differing.en}` }));
      // The one write, asked for: the schema is this version's (openToVerify refuses an older one), so opening it to write migrates nothing.
      const database = await openDatabase(url, authToken === undefined ? {} : { authToken });
      try {
        await rebuildKeptFigures(database);
      } finally {
        await database.close();
      }
      mismatches = await checkKeptFigures(reader.db);
    }
    if (mismatches.length === 0) {
      console.log(
        operatorLine({
          zh: '留存的统计数据（报告统计、侦破用时、看板计数、督办层级）与日志和事项一致',
          en: 'kept figures (report tallies, solve times, board counts, escalation rungs) agree with the log and the items',
        }),
      );
    } else {
      const differing = described(mismatches);
      console.error(
        operatorLine({
          zh: `留存的统计数据不一致：${differing.zh}${rebuild ? '' : '。请加上 -- --rebuild-kept 再运行一次，由日志和事项重建'}`,
          en: `kept figures DIFFER: ${differing.en}${rebuild ? '' : '. Run again with -- --rebuild-kept to rebuild them from the log and the items.'}`,
        }),
      );
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
