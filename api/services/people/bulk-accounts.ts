import { inArray } from 'drizzle-orm';
import { csvRows, quoteFaults } from '../import/read-table';
import { unitReader } from '../import/unit-names';
import type { Database } from '../../../db/client';
import { units, users } from '../../../db/schema';
import { roles, validate, type Label, type Role } from '../../../engine';
import { hashPassword } from '../../auth/password';
import { bulkColumnLabels, bulkColumns, newUser, roleLabels, type BulkUsersPlan, type NewUser } from '../../contracts/users';
import { ApiError } from '../../errors';
import { accountFacts, listAccounts } from './accounts';
import { auditPeople, type AdminChange } from './people-audit';
import { passwordShapeIssues } from '../../contracts/password-shape';
import { readPasswordPolicy, rememberPassword } from './password-policy';

type BulkColumn = (typeof bulkColumns)[number];

/** Header words each column is recognised by, in both languages. */
const headerWords: Record<BulkColumn, readonly string[]> = {
  username: ['username', '用户名', '账号'],
  displayName: ['displayname', 'display name', 'name', '姓名', '显示名'],
  role: ['role', '角色'],
  unit: ['unit', 'unitid', '单位', '单位编码', '所属单位'],
  password: ['password', 'initial password', '密码', '初始密码'],
};

/** What a roster may call a role besides its name: the words of a bureau's own lists. */
const roleAliases: Partial<Record<Role, readonly string[]>> = { lead: ['负责人', '领导'], officer: ['警员', '办案民警'], admin: ['管理员'] };

/** A role as a CSV may write it: its code, its name in either language, or a word a roster uses for it. */
function roleOf(text: string): Role | null {
  const value = text.normalize('NFKC').trim().toLowerCase();
  for (const role of roles) {
    if (value === role || value === roleLabels[role].zh || value === roleLabels[role].en.toLowerCase() || roleAliases[role]?.includes(value) === true) return role;
  }
  return null;
}

interface Checked {
  readonly plan: BulkUsersPlan;
  readonly accounts: NewUser[];
  /** The file's row of each account, as the spreadsheet numbers it. */
  readonly lines: readonly number[];
}

const issue = (row: number, column: string, reason: Label) => ({ row, column, reason });
const takenLabel = (name: string): Label => ({ zh: `用户名 ${name} 已被使用`, en: `The username ${name} is taken` });

/**
 * Checks every row of a CSV of accounts: the columns, each field as a
 * single create would check it, usernames taken or repeated in the file,
 * units that exist and take people, the password policy.
 */
export async function checkBulkAccounts(database: Database, csv: string): Promise<Checked> {
  const read = csvRows(csv);
  const { headers, rows, headerRow, rowNumbers } = read;
  const at = Object.fromEntries(bulkColumns.map((c) => [c, headers.findIndex((h) => headerWords[c].includes(h.normalize('NFKC').toLowerCase()))])) as Record<BulkColumn, number>;
  // A quote never closed, or closed with text after it, said on its row (once, not again as the odd cells it leaves):
  // the whole file is refused for it.
  const columnAt = (index: number) => bulkColumns.find((c) => at[c] === index) ?? headers[index] ?? '';
  const misquoted = new Map(quoteFaults(read).map((q) => [q.row, issue(q.row, columnAt(q.column), q.reason)]));
  const missing = bulkColumns.filter((c) => at[c] === -1);
  if (missing.length > 0) {
    // The English label is the column's own name where it is one word (password): said once, not "password (password)".
    const named = (c: BulkColumn) => (bulkColumnLabels[c].en === c ? c : `${bulkColumnLabels[c].en} (${c})`);
    const issues = [...missing.map((c) => issue(headerRow, c, { zh: `缺少列：${bulkColumnLabels[c].zh}（${c}）`, en: `Missing column: ${named(c)}` })), ...misquoted.values()];
    return { plan: { rows: rows.length, valid: 0, issues }, accounts: [], lines: [] };
  }
  const policy = await readPasswordPolicy(database.db);
  const cell = (row: string[], column: BulkColumn) => (row[at[column]] ?? '').trim();
  const names = rows.map((r) => cell(r, 'username').toLowerCase());
  const taken = new Set(
    names.length === 0 ? [] : (await database.db.select({ username: users.username }).from(users).where(inArray(users.username, names))).map((u) => u.username),
  );
  // A unit by its code or its name in either language, or as people shorten it, as a clue import reads it (a bureau's roster says 汉台分局, not hantai).
  const unitRows = await database.db.select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn, kind: units.kind, retiredAt: units.retiredAt }).from(units);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const unitNamed = unitReader(unitRows);

  const issues: BulkUsersPlan['issues'] = [];
  const accounts: NewUser[] = [];
  const lines: number[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = rowNumbers[i] ?? i + 2;
    const quote = misquoted.get(line);
    if (quote !== undefined) {
      issues.push(quote);
      return;
    }
    const before = issues.length;
    const role = roleOf(cell(row, 'role'));
    // Saying which roles there are: the roster's own word for a rank (科员) is no role here.
    if (role === null) {
      issues.push(
        issue(line, 'role', {
          zh: `未知角色：${cell(row, 'role')}（可填：${roles.map((r) => roleLabels[r].zh).join('、')}）`,
          en: `Unknown role: ${cell(row, 'role')} (one of: ${roles.map((r) => roleLabels[r].en).join(', ')})`,
        }),
      );
    }
    const unitText = cell(row, 'unit');
    const read = unitText === '' ? null : unitNamed(unitText);
    const unit = read !== null && 'unitId' in read ? unitById.get(read.unitId) : undefined;
    const input = { username: cell(row, 'username').toLowerCase(), displayName: cell(row, 'displayName'), role: role ?? 'officer', unitId: unit?.id ?? unitText, password: row[at.password] ?? '' };
    const valid = validate(newUser, input);
    if (!valid.ok) for (const f of valid.fields) issues.push(issue(line, f.field === 'unitId' ? 'unit' : f.field, f.message));
    if (read !== null && 'ambiguous' in read) issues.push(issue(line, 'unit', read.ambiguous));
    else if (unitText !== '' && unit === undefined) issues.push(issue(line, 'unit', { zh: `没有这个单位：${unitText}（填单位编码或名称）`, en: `No such unit: ${unitText} (write its code or its name)` }));
    if (unit?.retiredAt != null) issues.push(issue(line, 'unit', { zh: '该单位已撤销', en: 'That unit is retired' }));
    // An empty password is said once, by the shape check above, not again as too short.
    if (input.password !== '') for (const f of passwordShapeIssues(input.password, policy)) issues.push(issue(line, 'password', f.message));
    if (taken.has(input.username)) issues.push(issue(line, 'username', takenLabel(input.username)));
    const first = firstRow.get(input.username);
    if (first !== undefined) issues.push(issue(line, 'username', { zh: `与第 ${first} 行用户名重复`, en: `Same username as row ${first}` }));
    else firstRow.set(input.username, line);
    if (issues.length === before && valid.ok) {
      accounts.push(valid.data);
      lines.push(line);
    }
  });
  return { plan: { rows: rows.length, valid: accounts.length, issues }, accounts, lines };
}

/**
 * Creates every account of the CSV in one transaction, or none: any invalid
 * row refuses the whole file with the plan naming each row, column and
 * reason. Each user must change the password at first sign-in.
 */
export async function commitBulkAccounts(database: Database, csv: string, change: AdminChange): Promise<BulkUsersPlan> {
  const { plan, accounts, lines } = await checkBulkAccounts(database, csv);
  if (plan.issues.length > 0 || plan.rows === 0) throw refused(plan);
  const hashes: string[] = [];
  for (const account of accounts) hashes.push(await hashPassword(account.password));
  const at = change.now.toISOString();
  const ids = await database.write(async (tx) => {
    // The check ran outside this transaction: another import or create may have taken a name since.
    const names = accounts.map((a) => a.username);
    const takenNow = new Set((await tx.select({ username: users.username }).from(users).where(inArray(users.username, names))).map((u) => u.username));
    if (takenNow.size > 0) {
      const issues = accounts.flatMap((a, i) => (takenNow.has(a.username) ? [issue(lines[i] ?? i + 2, 'username', takenLabel(a.username))] : []));
      throw refused({ rows: plan.rows, valid: plan.valid - issues.length, issues });
    }
    const inserted = await tx
      .insert(users)
      .values(accounts.map((a, i) => ({ username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, passwordHash: hashes[i] ?? '', mustChangePassword: true, createdAt: at })))
      .returning({ id: users.id, passwordHash: users.passwordHash });
    for (const row of inserted) await rememberPassword(tx, row.id, row.passwordHash, change.now);
    const created = await listAccounts(tx, change.now, inserted.map((r) => r.id));
    for (const account of created) await auditPeople(tx, change, { user: account.id }, 'user.create', { ...accountFacts(account), bulk: true });
    return inserted.map((r) => r.id);
  });
  return { ...plan, created: await listAccounts(database.db, change.now, ids) };
}

/** The whole file refused, with the plan naming each row, column and reason. */
function refused(plan: BulkUsersPlan): ApiError {
  const reason = plan.rows === 0 ? { zh: '文件中没有数据行', en: 'The file has no data rows' } : { zh: `有 ${plan.issues.length} 处错误，未创建任何账号`, en: `${plan.issues.length} ${plan.issues.length === 1 ? 'problem' : 'problems'} found; no account was created` };
  return new ApiError('payload_invalid', { reason, extra: { plan } });
}
