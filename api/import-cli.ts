import { eq } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../db/client';
import { reasonOf } from '../db/error-cause';
import { operatorLine } from '../db/operator-line';
import { OtherProgramsDatabase } from '../db/other-program';
import { systemReasonOf } from '../db/system-error';
import { NewerDatabase } from '../db/schema-version';
import { databaseUrlOf, operatorPath } from '../db/backup/operator-paths';
import { campaigns, units, users } from '../db/schema';
import { actorOf } from './middleware/viewer';
import { ApiError } from './errors';
import { commitImport, previewImport } from './services/import/import-clues';
import type { Label } from '../engine/labels';
import type { DuplicateRule } from './services/import/import-merges';
import type { RowIssue } from './services/import/import-plan';
import type { ImportProgress } from './services/import/import-progress';
import { readImportFile } from './services/import/import-file';

/** The account an import is recorded under when `--as` names none: the demo's campaign office (a production install names its own). */
const defaultImporter = 'office';

/**
 * `npm run import -- FILE --campaign ID [--as USER] [--only-valid] [--duplicates keep|merge|skip] [--check]`:
 * the same import as the web screen, from the command line, with a progress
 * bar; `--duplicates` does to every row duplicating an existing clue what the
 * screen's bulk choice does (a register without source ids imported again: skip). FILE is read from the folder npm was run in, as backup and restore
 * read theirs; DATABASE_URL as the server reads it (see databaseUrlOf).
 */
const usage = operatorLine({
  zh: `用法：npm run import -- 文件 --campaign 编号 [--as 用户名] [--only-valid] [--duplicates keep|merge|skip] [--check]   （--as 指定导入记在哪个账号名下，默认 ${defaultImporter}；--duplicates 指定与已有线索重复的行如何处理，默认 keep）`,
  en: `usage: npm run import -- FILE --campaign ID [--as USER] [--only-valid] [--duplicates keep|merge|skip] [--check]   (--as names the account the import is recorded under, default ${defaultImporter}; --duplicates what becomes of rows duplicating existing clues, default keep)`,
});

/** FILE and the options, as typed: throws on an option unknown or without its value. */
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      campaign: { type: 'string' },
      as: { type: 'string', default: defaultImporter },
      'only-valid': { type: 'boolean', default: false },
      duplicates: { type: 'string', default: 'keep' },
      check: { type: 'boolean', default: false },
    },
  });
}

let parsed: ReturnType<typeof parseOptions>;
try {
  parsed = parseOptions();
} catch (error) {
  // An option mistyped (--dry-run) or given no value (--campaign at the end): said with the usage, not as Node's stack trace.
  const said = error instanceof Error ? error.message : String(error);
  console.error(`选项有误：${said} / The options are wrong: ${said}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const file = positionals[0];
const campaignId = Number(values.campaign);
const duplicateRules: readonly DuplicateRule[] = ['keep', 'merge', 'skip'];
const duplicates = duplicateRules.find((rule) => rule === values.duplicates);
// A second FILE would be left unread without a word: one import takes one file.
/** What is wrong with the command line, in both languages, or null. */
function commandLineProblem(): string | null {
  if (file === undefined) return '请指定要导入的文件 / Name the file to import';
  if (positionals.length > 1) return `一次只导入一个文件，多了：${positionals.slice(1).join(' ')} / One import takes one file; also named: ${positionals.slice(1).join(' ')}`;
  if (!Number.isSafeInteger(campaignId)) return `--campaign 须为专项行动的编号（数字），而不是“${values.campaign ?? ''}” / --campaign takes a campaign's number, not "${values.campaign ?? ''}"`;
  if (duplicates === undefined) return `--duplicates 只能是 keep、merge 或 skip，而不是“${values.duplicates}” / --duplicates takes keep, merge or skip, not "${values.duplicates}"`;
  return null;
}
const problem = commandLineProblem();
if (problem !== null || file === undefined || duplicates === undefined) {
  console.error(`${problem ?? ''}\n${usage}`);
  process.exit(2);
}

const stages: Record<ImportProgress['stage'], Label> = {
  checking: { zh: '检查各行', en: 'checking rows' },
  creating: { zh: '创建线索', en: 'creating clues' },
  writing: { zh: '写入', en: 'writing' },
  done: { zh: '完成', en: 'done' },
};
// Each stage padded to 24 characters, at least 26 columns as a terminal shows them (a Chinese character takes two), past the widest stage's 25: a shorter one drawn over it leaves nothing of it behind.
const bar = ({ stage, done, total }: ImportProgress) => {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${total === 0 ? 100 : Math.floor((done / total) * 100)}%  ${done}/${total} ${operatorLine(stages[stage]).padEnd(24)}`);
};

/** The bytes of FILE, or its refusal in both languages: a path naming nothing, or a folder, is said as such (it was Node's `ENOENT: …`). */
async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('bad_request', { reason: { zh: `没有文件 ${path}`, en: `There is no file ${path}` } });
    if (code === 'EISDIR') throw new ApiError('bad_request', { reason: { zh: `${path} 是文件夹，不是文件：请指定要导入的 CSV 或 .xlsx 文件`, en: `${path} is a folder, not a file: name the CSV or .xlsx file to import` } });
    const why = systemReasonOf(error) ?? { zh: reasonOf(error), en: reasonOf(error) };
    throw new ApiError('bad_request', { reason: { zh: `无法读取 ${path}：${why.zh}`, en: `Could not read ${path}: ${why.en}` } });
  }
}

/** A row's issue in one line, indented under the line it belongs to: the row, its column where one is named, then why. */
function issueLine(issue: RowIssue): string {
  const where = issue.column === '' ? { zh: `第 ${issue.row} 行`, en: `row ${issue.row}` } : { zh: `第 ${issue.row} 行，${issue.column}`, en: `row ${issue.row}, ${issue.column}` };
  return `  ${operatorLine({ zh: `${where.zh}：${issue.reason.zh}`, en: `${where.en}: ${issue.reason.en}` })}`;
}

let database: Database;
try {
  database = await openDatabase(databaseUrlOf(), process.env.DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: process.env.DATABASE_AUTH_TOKEN });
} catch (error) {
  // In one line, as the server says it: a database a newer version upgraded, another program's, or one that cannot be opened.
  const reason = reasonOf(error);
  console.error(
    error instanceof NewerDatabase || error instanceof OtherProgramsDatabase ? error.message : `无法打开数据库 ${databaseUrlOf()}：${reason} / Could not open the database ${databaseUrlOf()}: ${reason}`,
  );
  process.exit(1);
}
let barDrawn = false;
try {
  const [user] = await database.db.select().from(users).where(eq(users.username, values.as));
  if (user === undefined) {
    throw new ApiError('bad_request', {
      reason: {
        zh: `${database.url} 中没有账号“${values.as}”：--as 指定导入记在谁的名下（默认 ${defaultImporter}）；请用 --as 用户名 指定一个已有账号，如专项办的`,
        en: `There is no account "${values.as}" in ${database.url}: --as names the account the import is recorded under (default ${defaultImporter}); name one of yours, such as the office's, with --as USERNAME.`,
      },
    });
  }
  const [campaign] = await database.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (campaign === undefined) {
    const known = await database.db.select({ id: campaigns.id, code: campaigns.code, nameZh: campaigns.nameZh }).from(campaigns).orderBy(campaigns.id);
    const named = known.map((c) => `${c.id} (${c.code} ${c.nameZh})`).join(', ');
    throw new ApiError('bad_request', {
      reason: {
        zh: `${database.url} 中没有编号为 ${campaignId} 的专项行动：${known.length === 0 ? '尚无专项行动' : `已有 ${named}`}`,
        en: `There is no campaign ${campaignId} in ${database.url}: ${known.length === 0 ? 'it has no campaign yet' : `its campaigns are ${named}`}.`,
      },
    });
  }
  const actor = actorOf(user, await database.db.select({ id: units.id, parentId: units.parentId }).from(units));
  const path = operatorPath(file);
  process.stderr.write(`${operatorLine({ zh: `正在读取 ${path}…`, en: `reading ${path}…` })}\n`);
  const read = await readImportFile(await bytesOf(path), undefined, path.toLowerCase().endsWith('.xlsx'));
  // Refused as the screen refuses the file, in the same words: printed below as the import's other refusals are.
  if ('refused' in read) throw new ApiError('bad_request', { reason: read.refused });
  const { table } = read;
  if (values.check) {
    const plan = await previewImport(database, campaignId, table, undefined, actor, new Date());
    console.log(JSON.stringify(plan, null, 2));
  } else {
    const started = performance.now();
    const result = await commitImport(database, campaignId, table, undefined, actor, new Date(), {
      onlyValid: values['only-valid'],
      duplicates,
      onProgress: (progress) => {
        barDrawn = true;
        bar(progress);
      },
    });
    process.stderr.write('\n');
    const ms = Math.round(performance.now() - started);
    console.log(
      operatorLine({
        zh: `已导入 ${result.created} 条线索（批次 ${result.batchId}），用时 ${ms} 毫秒；${result.alreadyImported.length} 行此前已导入；${result.merged} 行并入已有线索，${result.skippedDuplicates} 行因重复跳过；${result.issues.length} 行因有误跳过`,
        en: `imported ${result.created} clues (batch ${result.batchId}) in ${ms} ms; ${result.alreadyImported.length} already imported; ${result.merged} merged and ${result.skippedDuplicates} skipped as duplicates; ${result.issues.length} rows skipped as invalid`,
      }),
    );
    for (const issue of result.issues.slice(0, 50)) console.log(issueLine(issue));
  }
} catch (error) {
  // Ends the progress bar's line, where one was drawn.
  if (barDrawn) process.stderr.write('\n');
  if (error instanceof ApiError) {
    console.error(operatorLine(error.reason));
    const plan = error.extra.plan as { issues?: RowIssue[] } | undefined;
    for (const issue of plan?.issues?.slice(0, 50) ?? []) console.error(issueLine(issue));
  } else console.error(reasonOf(error));
  process.exitCode = 1;
} finally {
  database.close();
}
