import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsRecorded, upgradeAsNewerVersion } from '../test/support/newer-version';
import { runOperatorCli } from '../test/support/operator-cli';
import { testDatabase } from '../test/support/test-database';
import { openDatabase } from '../db/client';
import { createFirstAdmin } from './services/people/first-start';
import { clues } from '../db/schema';

/** `npm run import` as the operator runs it (test/support/operator-cli.ts): in the package's folder, typed in another. */
let demo: Awaited<ReturnType<typeof testDatabase>>;
/** Where the operator typed the command, and keeps the file. */
let typedIn: string;

beforeAll(async () => {
  demo = await testDatabase({ clues: 5, problems: 1, writeWorker: false });
  typedIn = join(demo.folder, 'operator');
  mkdirSync(typedIn);
  const rows = ['线索编号,线索标题,简要案情,承办单位,案件类别,线索来源', 'CLI-001,命令行导入的线索,催收电话13911112222,汉台分局,,110平台'];
  writeFileSync(join(typedIn, 'good.csv'), rows.join('\n'));
});
afterAll(() => demo.drop());

const importCli = (args: readonly string[], databaseUrl = demo.url) => runOperatorCli('api/import-cli.ts', args, { DATABASE_URL: databaseUrl, INIT_CWD: typedIn });

describe('npm run import', () => {
  it('reads a relative FILE in the folder npm was run in, as backup and restore read theirs', async () => {
    const { code, output } = await importCli(['good.csv', '--campaign', '1']);
    expect(code, output).toBe(0);
    // One line, Chinese first as the bureau reads it, then the English.
    expect(output).toMatch(/^已导入 1 条线索（批次 [0-9a-f-]+），用时 \d+ 毫秒；0 行此前已导入；0 行并入已有线索，0 行因重复跳过；0 行因有误跳过 \/ imported 1 clues \(batch [0-9a-f-]+\) in \d+ ms; 0 already imported; 0 merged and 0 skipped as duplicates; 0 rows skipped as invalid$/m);
  });

  it('skips the rows duplicating existing clues with --duplicates skip: a register without source ids imported again', async () => {
    writeFileSync(join(typedIn, 'register.csv'), ['标题,内容,单位', '命令行登记：刷单返利,受害人转账 6222021234567890777,汉台分局'].join('\n'));
    expect((await importCli(['register.csv', '--campaign', '1'])).output).toMatch(/imported 1 clues/);
    const { code, output } = await importCli(['register.csv', '--campaign', '1', '--duplicates', 'skip']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/已导入 0 条线索.*0 行并入已有线索，1 行因重复跳过.* \/ imported 0 clues .* 0 merged and 1 skipped as duplicates/);
    expect((await importCli(['register.csv', '--campaign', '1', '--duplicates', 'drop'])).code).toBe(2);
  });

  it('imports nothing of a file with a quote never closed, even with --only-valid, and names its row in both languages', async () => {
    writeFileSync(join(typedIn, 'unclosed.csv'), ['标题,内容,单位', '"命令行：引号没有闭合,内容,汉台分局', '命令行：引号之后的线索,内容,汉台分局'].join('\n'));
    const { code, output } = await importCli(['unclosed.csv', '--campaign', '1', '--only-valid']);
    expect(code, output).toBe(1);
    expect(output).toContain('第 2 行的引号没有闭合，文件无法按原样读取，未导入任何线索 / Row 2 opens a quote that is never closed');
    expect(output).toMatch(/^ {2}第 2 行，标题：引号没有闭合.* \/ row 2, 标题: Unclosed quote/m);
    const checked = await importCli(['unclosed.csv', '--campaign', '1', '--check']);
    expect(checked.output).toMatch(/"rows": 2,/);
    expect((await importCli(['good.csv', '--campaign', '1', '--check'])).output).toMatch(/"unclosedQuotes": \[\]/);
  });

  it('refuses a file that is no table it can read as the screen does, in one line in both languages, and imports nothing', async () => {
    writeFileSync(join(typedIn, 'empty.csv'), '');
    writeFileSync(join(typedIn, 'scan.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj');
    // The zip's first bytes, and nothing of a workbook after them: a download cut short.
    writeFileSync(join(typedIn, 'cut.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    copyFileSync(join(demo.folder, 'battlemap.db'), join(typedIn, 'nightly.db'));
    mkdirSync(join(typedIn, 'registers'));
    const before = (await demo.db.select().from(clues)).length;
    const said = {
      'empty.csv': '文件为空 / The file is empty',
      'scan.pdf': '这是 PDF 文件，不是表格：应为 CSV 或 .xlsx / This is a PDF, not a table: it should be CSV or .xlsx',
      'cut.xlsx': '无法读取文件：应为 CSV 或 XLSX / The file could not be read: it should be CSV or XLSX',
      'nightly.db': expect.stringMatching(/^这是 SQLite 数据库文件.* \/ This is a SQLite database/),
      'missing.csv': `没有文件 ${join(typedIn, 'missing.csv')} / There is no file ${join(typedIn, 'missing.csv')}`,
      // A name past what the file system takes: as root (the tests' user at times) a file's permissions refuse nothing.
      [`${'x'.repeat(300)}.csv`]: `无法读取 ${join(typedIn, `${'x'.repeat(300)}.csv`)}：文件名过长（ENAMETOOLONG） / Could not read ${join(typedIn, `${'x'.repeat(300)}.csv`)}: the name is too long (ENAMETOOLONG)`,
      registers: `${join(typedIn, 'registers')} 是文件夹，不是文件：请指定要导入的 CSV 或 .xlsx 文件 / ${join(typedIn, 'registers')} is a folder, not a file: name the CSV or .xlsx file to import`,
    };
    for (const [file, line] of Object.entries(said)) {
      const { code, output } = await importCli([file, '--campaign', '1']);
      expect(code, output).toBe(1);
      expect(output.trim().split('\n'), file).toEqual([`正在读取 ${join(typedIn, file)}… / reading ${join(typedIn, file)}…`, line]);
    }
    expect((await demo.db.select().from(clues)).length).toBe(before);
    // Seven runs of the command, each a Node process of its own: a limit for a loaded machine, not a timing.
  }, 180_000);

  it('says in its usage line whose name the import is recorded under by default', async () => {
    const { code, output } = await importCli([]);
    expect(code).toBe(2);
    expect(output).toMatch(/--as USER.*default office/);
  });

  it('says an option mistyped, one given no value, or a second file with its usage line, not a stack trace, and exits 2 importing nothing', async () => {
    const before = (await demo.db.select().from(clues)).length;
    for (const args of [
      ['good.csv', '--campaign', '1', '--dry-run'],
      ['good.csv', '--campaign'],
      ['good.csv', 'register.csv', '--campaign', '1'],
    ]) {
      const { code, output } = await importCli(args);
      expect(code, output).toBe(2);
      expect(output, args.join(' ')).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
      expect(output.trim().split('\n').at(-1)).toMatch(/^用法：npm run import -- 文件 --campaign 编号 .* \/ usage: npm run import -- FILE --campaign ID/);
    }
    expect((await importCli(['good.csv', '--campaign', '1', '--dry-run'])).output).toMatch(/^选项有误：Unknown option '--dry-run'.* \/ The options are wrong: Unknown option '--dry-run'/);
    // A value it cannot take is named, in both languages, above the usage.
    expect((await importCli(['good.csv', '--campaign', 'abc'])).output).toMatch(/^--campaign 须为专项行动的编号（数字），而不是“abc” \/ --campaign takes a campaign's number, not "abc"\n/);
    expect((await importCli(['good.csv', '--campaign', '1', '--duplicates', 'drop'])).output).toMatch(/^--duplicates 只能是 keep、merge 或 skip，而不是“drop” \/ --duplicates takes keep, merge or skip, not "drop"\n/);
    expect((await demo.db.select().from(clues)).length).toBe(before);
    // Six runs of the command, as above.
  }, 180_000);

  it('names the campaign that is not there', async () => {
    const { code, output } = await importCli(['good.csv', '--campaign', '99']);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/没有编号为 99 的专项行动.* \/ There is no campaign 99/)]);
  });

  it('on a database without the account --as names (a production install has no "office"), says what --as is', async () => {
    const production = join(demo.folder, 'production.db');
    const database = await openDatabase(`file:${production}`);
    await createFirstAdmin(database, 'a password long enough 1', new Date());
    await database.close();
    const { code, output } = await importCli(['good.csv', '--campaign', '1'], `file:${production}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/没有账号“office”.* \/ There is no account "office".*--as names the account the import is recorded under/)]);
  });

  it('says a database it cannot open in one line in both languages, as its other refusals', async () => {
    const { code, output } = await importCli(['good.csv', '--campaign', '1'], 'garbage');
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      "无法打开数据库 garbage：URL_INVALID: The URL 'garbage' is not in a valid format / Could not open the database garbage: URL_INVALID: The URL 'garbage' is not in a valid format",
    ]);
  });

  it('on a database a newer version upgraded, says so in one line and imports nothing into it', async () => {
    const upgraded = join(demo.folder, 'upgraded.db');
    const database = await openDatabase(`file:${upgraded}`);
    await database.close();
    const before = await upgradeAsNewerVersion(upgraded);
    const { code, output } = await importCli(['good.csv', '--campaign', '1'], `file:${upgraded}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`The database ${upgraded} was upgraded by a newer version of Battlemap`)]);
    expect(await migrationsRecorded(upgraded)).toEqual(before);
  });
});
