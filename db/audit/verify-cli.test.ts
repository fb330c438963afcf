import { createClient } from '@libsql/client';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { appendAudit, type Appended } from './append';
import { upgradeAsNewerVersion } from '../../test/support/newer-version';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';
import { testDatabase } from '../../test/support/test-database';

/**
 * `npm run audit:verify` as the operator runs it: npm starts it in the
 * package's folder, with the folder they typed it in as INIT_CWD.
 */
const root = packageRoot;

let folder: string;
/** A migrated database as a first start leaves it, and a copy of it as a backup writes it (one file, not in WAL mode). */
let fresh: string;
let copy: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-verify-cli-'));
  fresh = join(folder, 'battlemap.db');
  const database = await openDatabase(`file:${fresh}`);
  copy = join(folder, 'copy.db');
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
  await database.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const verify = (databaseUrl: string, initCwd = folder, args: readonly string[] = []) => runOperatorCli('db/audit/verify-cli.ts', args, { DATABASE_URL: databaseUrl, INIT_CWD: initCwd });

/** Opens the database file at `path`, appends an installation-wide entry to its log (a password policy set), and closes it: the entry appended. */
async function appendEntry(path: string, payload: Record<string, unknown>): Promise<Appended> {
  const database = await openDatabase(`file:${path}`);
  try {
    const [appended] = await database.write((tx) =>
      appendAudit(tx, { at: '2026-06-15T02:00:00.000Z', actorId: null, campaignId: null, subject: 'password_policy', subjectId: 1, event: 'password_policy.set', fromState: null, toState: null, payload, version: 0 }),
    );
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    if (appended === undefined) throw new Error('no entry appended');
    return appended;
  } finally {
    await database.close();
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const withoutStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

describe('npm run audit:verify', () => {
  it('refuses a database that is not there (a typo in a nightly check), and creates none', async () => {
    const typo = join(folder, 'battlemap.dbb');
    const { code, output } = await verify(`file:${typo}`);
    expect(code).toBe(1);
    expect(output).toContain(`There is no database at ${typo}`);
    withoutStack(output);
    expect(existsSync(typo)).toBe(false);
  });

  it('only reads what it checks: the file is not migrated, nor put in WAL mode', async () => {
    const before = sha256(copy);
    const { code, output } = await verify(`file:${copy}`);
    expect(code, output).toBe(0);
    // One line, Chinese first as the bureau reads it, then the English.
    expect(output.split('\n')[0]).toBe(
      `审计日志完整：共 0 条；0 项回放结果与存储状态一致；0 个附件的 SHA-256 与记录一致（file:${copy}） / audit log intact: 0 entries, 0 items replay to their stored state, 0 attached files have the SHA-256 recorded (file:${copy})`,
    );
    expect(output).toContain('日志中还没有任何记录 / the log has no entry yet');
    expect(output).toContain('留存的统计数据（报告统计、侦破用时、看板计数、督办层级）与日志和事项一致 / kept figures (report tallies, solve times, board counts, escalation rungs) agree with the log and the items');
    expect(sha256(copy)).toBe(before);
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it('says a database with an older schema is older, and leaves it so, instead of migrating it', async () => {
    const older = join(folder, 'older.db');
    const client = createClient({ url: `file:${copy}` });
    await client.execute({ sql: 'VACUUM INTO ?', args: [older] });
    client.close();
    const olderClient = createClient({ url: `file:${older}` });
    // As if the newest migration came with this version: its record is what the migrator goes by.
    await olderClient.execute('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
    olderClient.close();
    const before = sha256(older);
    const { code, output } = await verify(`file:${older}`);
    expect(code).toBe(1);
    expect(output).toMatch(/The database .*older\.db has an older schema than this version of Battlemap \(1 migration not applied/);
    withoutStack(output);
    expect(sha256(older)).toBe(before);
  });

  it('says a database a newer version upgraded is newer, and leaves it so, instead of reporting what it cannot replay as broken', async () => {
    const newer = join(folder, 'newer.db');
    copyFileSync(copy, newer);
    await upgradeAsNewerVersion(newer);
    const before = sha256(newer);
    const { code, output } = await verify(`file:${newer}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`The database ${newer} was upgraded by a newer version of Battlemap (1 migration this version does not have); check it with that version.`)]);
    expect(sha256(newer)).toBe(before);
  });

  it('says the newest entry\'s seq and hash to record elsewhere, and with --expect fails a log cut or rewritten since, though what is left chains', async () => {
    const kept = join(folder, 'kept.db');
    copyFileSync(copy, kept);
    await appendEntry(kept, { minLength: 12 });
    // A copy made now, which later loses what the log gains after it (an old backup restored in its place, say).
    const cut = join(folder, 'cut.db');
    copyFileSync(kept, cut);
    const recorded = await appendEntry(kept, { minLength: 14 });
    const rewritten = join(folder, 'rewritten.db');
    copyFileSync(cut, rewritten);
    const forged = await appendEntry(rewritten, { minLength: 8 });
    expect(forged.seq).toBe(recorded.seq);
    const stamp = `${recorded.seq}:${recorded.hash}`;

    const intact = await verify(`file:${kept}`);
    expect(intact.code, intact.output).toBe(0);
    expect(intact.output).toMatch(new RegExp(`^最新一条：序号 ${recorded.seq}，哈希 ${recorded.hash}。.* / newest entry: seq ${recorded.seq}, hash ${recorded.hash}\\.`, 'm'));
    expect(intact.output).toContain(`--expect ${stamp}`);
    const expected = await verify(`file:${kept}`, folder, ['--expect', stamp]);
    expect(expected.code, expected.output).toBe(0);
    expect(expected.output).toContain(`第 ${recorded.seq} 条仍在哈希链中，哈希与记录的一致，其前各条亦然 / entry ${recorded.seq} is still in the chain with the hash expected`);

    // A rewritten chain is whole on its own (and so is one cut short): only the entry recorded elsewhere tells.
    expect((await verify(`file:${rewritten}`)).code).toBe(0);
    const short = await verify(`file:${cut}`, folder, ['--expect', stamp]);
    expect(short.code).toBe(1);
    expect(short.output).toMatch(new RegExp(`^审计日志在第 ${recorded.seq} 条处已损坏：日志止于第 ${recorded.seq - 1} 条，早于记录的那一条：日志被截短了.* / audit log BROKEN at seq ${recorded.seq}: the log ends at seq ${recorded.seq - 1}, before the entry expected: it was cut`));
    const other = await verify(`file:${rewritten}`, folder, ['--expect', stamp]);
    expect(other.code).toBe(1);
    expect(other.output).toMatch(new RegExp(`^审计日志在第 ${recorded.seq} 条处已损坏：哈希与记录的不同：日志在此条或之前被改写过 / audit log BROKEN at seq ${recorded.seq}: its hash is not the one expected: the log was rewritten`));
    withoutStack(short.output + other.output);
  });

  it('refuses an --expect that is not <seq>:<hash>, with its usage, rather than checking nothing', async () => {
    const { code, output } = await verify(`file:${copy}`, folder, ['--expect', '12']);
    expect(code).toBe(2);
    expect(output).toMatch(/^--expect 12 不是“序号:哈希”.* \/ --expect 12 is not SEQ:HASH/);
    expect(output).toMatch(/^用法：npm run audit:verify -- \[--expect 序号:哈希\] \[--rebuild-kept\].* \/ usage: npm run audit:verify -- \[--expect SEQ:HASH\] \[--rebuild-kept\]/m);
    const typo = await verify(`file:${copy}`, folder, ['--expected', '1:abc']);
    expect(typo.code).toBe(2);
    expect(typo.output).toMatch(/^选项有误：Unknown option '--expected'.* \/ The options are wrong: Unknown option '--expected'/);
  });

  it('reads a relative file: path from the package folder, as the server does, not the folder npm was run in', async () => {
    const { code, output } = await verify(`file:${relative(root, copy)}`, join(folder, 'operator'));
    // Read from where it was typed, it would have named a database that is not there.
    expect(code, output).toBe(0);
    expect(output).toContain(`(file:${copy})`);
    expect(existsSync(join(folder, 'operator'))).toBe(false);
  });

  it('says in one line that a damaged database is damaged, naming the file and SQLite\'s reason, and exits 1', async () => {
    const damaged = join(folder, 'damaged.db');
    copyFileSync(copy, damaged);
    // The audit log's first page overwritten: the schema and the migrations' record still read, the log does not.
    const client = createClient({ url: `file:${damaged}` });
    const logRoot = Number((await client.execute("select rootpage from sqlite_master where name = 'audit_log'")).rows[0]?.rootpage);
    const pageSize = Number((await client.execute('pragma page_size')).rows[0]?.page_size);
    client.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x41), 0, pageSize, (logRoot - 1) * pageSize);
    closeSync(fd);
    const { code, output } = await verify(`file:${damaged}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`Could not read ${damaged}: SQLITE_CORRUPT: database disk image is malformed`)]);
  });

  it('says a log intact whose stored items were changed outside Battlemap as such, naming every item that differs, not a log broken at seq ?', async () => {
    const demo = await testDatabase({ clues: 5, problems: 1, writeWorker: false });
    try {
      const [first, second] = (await demo.client.execute('select id from clues order by id limit 2')).rows as unknown as { id: number }[];
      const file = (await demo.client.execute('select id, subject, subject_id from attachments order by id limit 1')).rows[0] as unknown as { id: number; subject: string; subject_id: number };
      const entries = Number((await demo.client.execute('select count(*) as n from audit_log')).rows[0]?.n);
      await demo.client.execute({ sql: "update clues set title = '篡改' where id = ?", args: [first?.id ?? 0] });
      await demo.client.execute({ sql: "update clues set unit_id = case unit_id when 'wangan' then 'hantai' else 'wangan' end where id = ?", args: [second?.id ?? 0] });
      await demo.client.execute({ sql: 'update attachments set content = zeroblob(length(content)) where id = ?', args: [file.id] });
      await demo.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      const { code, output } = await verify(demo.url);
      expect(code).toBe(1);
      expect(output).not.toMatch(/BROKEN|seq \?/);
      const kind = file.subject === 'clue' ? '线索' : '问题';
      expect(output.trim().split('\n')).toEqual([
        `审计日志完整（共 ${entries} 条），但有 3 项存储的事项或附件与之不符： / audit log intact (${entries} entries), but 3 stored items or files do not match it:`,
        `  线索 ${first?.id} 与其审计日志不符：存储的标题与其审计记录的回放不符 / clue ${first?.id} does not match its log: stored title differs from the replay of its audit entries`,
        `  线索 ${second?.id} 与其审计日志不符：存储的承办单位与其审计记录的回放不符 / clue ${second?.id} does not match its log: stored unit differs from the replay of its audit entries`,
        `  ${kind} ${file.subject_id} 与其审计日志不符：附件 ${file.id}：内容的 SHA-256 已不是添加时记录的 / ${file.subject} ${file.subject_id} does not match its log: attached file ${file.id}: its bytes no longer have the SHA-256 recorded when it was attached`,
      ]);
      withoutStack(output);
    } finally {
      await demo.drop();
    }
  }, 30_000);
});
