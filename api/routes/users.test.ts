import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { users } from '../../db/schema';
import { sessionWith, signIn, testApp, whoIsSignedIn, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let admin: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  app = testApp(database);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

interface Problem {
  code: string;
  reason: { zh: string; en: string };
  fields?: { field: string; message: { zh: string; en: string } }[];
  plan?: { issues: { row: number; column: string; reason: { zh: string; en: string } }[] };
}

const login = (username: string, password: string) =>
  app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

async function created(username: string, password = 'first-password-1') {
  const response = await admin.send('POST', '/api/admin/users', { username, displayName: `测试 ${username}`, role: 'officer', unitId: 'hantai', password });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: number; mustChangePassword: boolean };
}

describe('people administration', () => {
  it('is for the administrator alone: other roles get 403, no session 401', async () => {
    for (const username of ['office', 'hantai.lead', 'viewer']) {
      const other = await signIn(app, username);
      for (const [method, path] of [['GET', '/api/admin/users'], ['GET', '/api/admin/units'], ['GET', '/api/admin/password-policy']] as const) {
        const response = await other.send(method, path);
        expect(response.status).toBe(403);
        expect(((await response.json()) as Problem).code).toBe('role_forbidden');
      }
      expect((await other.send('POST', '/api/admin/users', { username: 'x.y', displayName: 'x', role: 'admin', unitId: 'office', password: 'long-enough-pw' })).status).toBe(403);
    }
    expect((await app.request('/api/admin/users')).status).toBe(401);
  });

  it('shows a lead or an officer the people of their own units only, and refuses another unit by name; the office sees everyone', async () => {
    type Person = { unitId: string; username: string };
    const read = async (who: string, query = '') => (await signIn(app, who)).get(`/api/users${query}`);
    const everyone = (await (await read('office')).json()) as Person[];
    expect(new Set(everyone.map((p) => p.unitId)).size).toBeGreaterThan(2);
    for (const who of ['hantai.officer', 'hantai.lead']) {
      const mine = (await (await read(who)).json()) as Person[];
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((p) => p.unitId === 'hantai'), JSON.stringify(mine)).toBe(true);
      const other = await read(who, '?unit=nanzheng');
      expect(other.status).toBe(400);
      expect(((await other.json()) as Problem).fields?.map((f) => f.field)).toEqual(['query.unit']);
    }
    expect(((await (await read('viewer', '?unit=nanzheng')).json()) as Person[]).map((p) => p.username)).toContain('nanzheng.officer');
  });

  it('takes a lead moved to another unit off the units they led that their new unit does not cover', async () => {
    const [lead] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'chenggu.lead'));
    if (lead === undefined) throw new Error('no chenggu.lead');
    expect((await admin.send('PATCH', '/api/admin/units/chenggu', { leadIds: [lead.id] })).status).toBe(200);
    const moved = await admin.send('PATCH', `/api/admin/users/${lead.id}`, { unitId: 'yangxian' });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { leads: string[] }).leads).toEqual([]);
    const unitsNow = (await (await admin.get('/api/admin/units')).json()) as { id: string; leadIds: number[] }[];
    expect(unitsNow.find((u) => u.id === 'chenggu')?.leadIds).toEqual([]);
  });

  it('creates an account that must change its password, and names the field of a bad request', async () => {
    const bad = await admin.send('POST', '/api/admin/users', { username: 'Bad Name', displayName: 'x', role: 'officer', unitId: 'nowhere', password: 'short' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).fields?.map((f) => f.field)).toContain('username');
    const badUnit = await admin.send('POST', '/api/admin/users', { username: 'zhang.san', displayName: '张三', role: 'officer', unitId: 'nowhere', password: 'short' });
    expect(((await badUnit.json()) as Problem).fields?.map((f) => f.field).sort()).toEqual(['password', 'unitId']);

    const user = await created('zhang.san');
    expect(user.mustChangePassword).toBe(true);
    // Typed with a capital, it is the same username (sign-in lower-cases it too): taken, not refused for its letter.
    const taken = await admin.send('POST', '/api/admin/users', { username: ' Zhang.San', displayName: '张三', role: 'officer', unitId: 'hantai', password: 'first-password-1' });
    const takenProblem = (await taken.json()) as Problem & { reason: { zh: string } };
    expect(takenProblem.fields).toEqual([expect.objectContaining({ field: 'username' })]);
    // Its reason is what is wrong, not "the request is malformed" (a script logging the reason alone read it as its own fault).
    expect(takenProblem.reason.zh).toBe('用户名 zhang.san 已被使用');
    // A username taken is said with the password's problem, in one answer, not once the password is right.
    const both = await admin.send('POST', '/api/admin/users', { username: 'zhang.san', displayName: '张三', role: 'officer', unitId: 'hantai', password: 'short' });
    expect(((await both.json()) as Problem).fields?.map((f) => f.field)).toEqual(['username', 'password']);

    const signedIn = await login('zhang.san', 'first-password-1');
    expect(((await signedIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
  });

  it('enforces the password policy on change, including no reuse of the last N', async () => {
    expect((await admin.send('PUT', '/api/admin/password-policy', { minLength: 12, reuseHistory: 2 })).status).toBe(200);
    await created('li.si', 'li-si-password-0');
    const li = await signIn(app, 'li.si', 'li-si-password-0');
    const change = (currentPassword: string, password: string) => li.send('POST', '/api/session/password', { currentPassword, password });

    const wrongCurrent = await change('not-it', 'li-si-password-1');
    expect(((await wrongCurrent.json()) as Problem).fields?.[0]?.field).toBe('currentPassword');
    const short = await change('li-si-password-0', 'short-pw');
    expect(short.status).toBe(400);
    expect(((await short.json()) as Problem).fields?.[0]?.message.en).toMatch(/at least 12/);
    const same = await change('li-si-password-0', 'li-si-password-0');
    expect(((await same.json()) as Problem).fields?.[0]?.message.en).toMatch(/used recently/);

    expect((await change('li-si-password-0', 'li-si-password-1')).status).toBe(204);
    expect(((await (await li.get('/api/session')).json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
    expect((await change('li-si-password-1', 'li-si-password-2')).status).toBe(204);
    // With reuse history 2, password-1 (one back) is refused and password-0 (two back) is allowed again.
    expect(((await (await change('li-si-password-2', 'li-si-password-1')).json()) as Problem).fields?.[0]?.field).toBe('password');
    expect((await change('li-si-password-2', 'li-si-password-0')).status).toBe(204);
    expect((await admin.send('PUT', '/api/admin/password-policy', { minLength: 10, reuseHistory: 3 })).status).toBe(200);
  });

  it('changing your own password signs out your other sessions, not the one you changed it from, and the log says how many', async () => {
    const user = await created('qian.ba');
    const here = await signIn(app, 'qian.ba', 'first-password-1');
    const elsewhere = await signIn(app, 'qian.ba', 'first-password-1');
    expect(await whoIsSignedIn(elsewhere)).toBe('qian.ba');
    expect((await here.send('POST', '/api/session/password', { currentPassword: 'first-password-1', password: 'qian-ba-own-password' })).status).toBe(204);
    expect(await whoIsSignedIn(elsewhere)).toBeNull();
    expect(await whoIsSignedIn(here)).toBe('qian.ba');
    expect((await here.get('/api/campaigns')).status).toBe(200);
    const log = (await (await admin.get(`/api/admin/log?user=${user.id}`)).json()) as { entries: { event: string; payload: Record<string, unknown> }[] };
    expect(log.entries[0]).toMatchObject({ event: 'user.change_password', payload: { sessionsEnded: 1 } });
  });

  it('counts wrong current passwords as wrong sign-ins: past the limit even the right one is refused, here and at sign-in, until the window lets it', async () => {
    await created('sun.jiu');
    const holder = await signIn(app, 'sun.jiu', 'first-password-1');
    const change = (currentPassword: string, password = 'sun-jiu-own-password') => holder.send('POST', '/api/session/password', { currentPassword, password });
    for (let i = 0; i < 9; i++) expect((await change(`guess-${i}`)).status).toBe(400);
    // The right one clears the count: ten more wrong ones are checked (and refused as wrong) before the limit.
    expect((await change('first-password-1')).status).toBe(204);
    // Each refusal says so; once three or fewer are left, how many more the account takes before it cannot sign in.
    const said: string[] = [];
    for (let i = 0; i < 10; i++) {
      const wrong = await change(`guess-${i}`, 'sun-jiu-next-password');
      expect(wrong.status).toBe(400);
      said.push(((await wrong.json()) as Problem).fields?.find((f) => f.field === 'currentPassword')?.message.zh ?? '');
    }
    expect(said.slice(0, 6)).toEqual(Array(6).fill('当前密码不正确'));
    expect(said.slice(6)).toEqual([
      '当前密码不正确；再输错 3 次，本账号将暂停登录（至多 15 分钟）',
      '当前密码不正确；再输错 2 次，本账号将暂停登录（至多 15 分钟）',
      '当前密码不正确；再输错 1 次，本账号将暂停登录（至多 15 分钟）',
      '当前密码不正确；输错次数已达上限，本账号暂停登录（至多 15 分钟）',
    ]);
    const refused = await change('sun-jiu-own-password', 'sun-jiu-next-password');
    expect(refused.status).toBe(429);
    // The clock is frozen: every failure leaves the window fifteen minutes from now.
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(((await refused.json()) as Problem).reason.zh).toBe('尝试次数过多，请 15 分钟后再试');
    expect((await login('sun.jiu', 'sun-jiu-own-password')).status).toBe(429);
  });

  it("a reset lets a user locked out by wrong guesses sign in with the password handed over, at once, and the log says so", async () => {
    const user = await created('zhou.shi');
    for (let i = 0; i < 10; i++) expect((await login('zhou.shi', `forgotten-${i}`)).status).toBe(401);
    expect((await login('zhou.shi', 'first-password-1')).status).toBe(429);
    // The administrator sees the account locked, and until when (the clock frozen: the failures leave the window in
    // fifteen minutes); its row had read only "active". An account with fewer failures is not locked.
    await created('zhou.shiyi');
    for (let i = 0; i < 9; i++) expect((await login('zhou.shiyi', `forgotten-${i}`)).status).toBe(401);
    const lockedUntil = async () => new Map(((await (await admin.get('/api/admin/users')).json()) as { username: string; lockedUntil: string | null }[]).map((u) => [u.username, u.lockedUntil]));
    const before = await lockedUntil();
    expect(before.get('zhou.shi')).toBe(new Date(testNow.getTime() + 15 * 60_000).toISOString());
    expect(before.get('zhou.shiyi')).toBeNull();
    expect(((await (await admin.get(`/api/admin/users/${user.id}`)).json()) as { lockedUntil: string | null }).lockedUntil).toBe(before.get('zhou.shi'));
    const reset = await admin.send('POST', `/api/admin/users/${user.id}/password-reset`, { password: 'zhou-handed-over-1' });
    expect(reset.status).toBe(200);
    // The reset lifts it, and its answer says so.
    expect(((await reset.json()) as { user: { lockedUntil: string | null } }).user.lockedUntil).toBeNull();
    expect((await lockedUntil()).get('zhou.shi')).toBeNull();
    const signedIn = await login('zhou.shi', 'zhou-handed-over-1');
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const log = (await (await admin.get(`/api/admin/log?user=${user.id}`)).json()) as { entries: { event: string; payload: Record<string, unknown> }[] };
    expect(log.entries.find((e) => e.event === 'user.reset_password')?.payload).toMatchObject({ guessesForgotten: 10 });
  });

  it('disabling a user refuses their existing session at its very next request', async () => {
    const user = await created('wang.wu');
    const wang = await signIn(app, 'wang.wu', 'first-password-1');
    expect((await wang.send('POST', '/api/session/password', { currentPassword: 'first-password-1', password: 'wang-own-password' })).status).toBe(204);
    expect((await wang.get('/api/campaigns')).status).toBe(200);
    // Assigned an open clue of their unit before: the administrator is told they still hold it once disabled.
    const office = await signIn(app, 'office');
    const made = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '停用前分派的线索', source: 'other' });
    const open = (await made.json()) as { id: number; version: number };
    const assigned = await office.send('PATCH', `/api/clues/${open.id}`, { version: open.version, assigneeId: user.id });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    const disabled = await admin.send('POST', `/api/admin/users/${user.id}/disable`, {});
    expect(disabled.status).toBe(200);
    const account = (await disabled.json()) as { disabledAt: string | null; openItems: number };
    expect(account.disabledAt).not.toBeNull();
    expect(account.openItems).toBe(1);
    const listed = (await (await admin.get('/api/admin/users')).json()) as { id: number; openItems: number }[];
    expect(listed.find((u) => u.id === user.id)?.openItems).toBe(1);
    expect((await wang.get('/api/campaigns')).status).toBe(401);
    // Its owner, with the right password, is told the account is disabled; anyone else is told only that the password is wrong.
    const refused = await login('wang.wu', 'wang-own-password');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as Problem).reason.zh).toBe('该账号已停用，请联系系统管理员');
    expect(((await (await login('wang.wu', 'not-the-password')).json()) as Problem).reason.zh).toBe('用户名或密码错误');
    // The administrator cannot lock themselves out.
    const [me] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    expect((await admin.send('POST', `/api/admin/users/${me?.id}/disable`, {})).status).toBe(400);
    // Nor reset their own password: it ended their session before the page could show the new one (a lone
    // administrator locked out); their own is changed with the current one, and they stay signed in.
    const ownReset = await admin.send('POST', `/api/admin/users/${me?.id}/password-reset`, {});
    expect(ownReset.status).toBe(400);
    expect(((await ownReset.json()) as Problem).fields?.[0]?.field).toBe('id');
    // Nor end their own sessions from the sessions list: it ended the page they asked from, unwarned.
    const ownEnd = await admin.send('POST', `/api/admin/users/${me?.id}/sessions/end`, {});
    expect(ownEnd.status).toBe(400);
    expect(((await ownEnd.json()) as Problem).fields?.[0]).toMatchObject({ field: 'id', message: { zh: '不能在此结束自己的会话：请用“退出登录”' } });
    expect((await admin.get('/api/admin/users')).status).toBe(200);
  });

  it('a reset ends the sessions and makes the user change the password at next sign-in', async () => {
    const user = await created('zhao.liu');
    const zhao = await signIn(app, 'zhao.liu', 'first-password-1');
    expect((await zhao.send('POST', '/api/session/password', { currentPassword: 'first-password-1', password: 'zhao-own-password' })).status).toBe(204);

    const reused = await admin.send('POST', `/api/admin/users/${user.id}/password-reset`, { password: 'zhao-own-password' });
    expect(((await reused.json()) as Problem).fields?.[0]?.field).toBe('password');
    const reset = await admin.send('POST', `/api/admin/users/${user.id}/password-reset`, {});
    expect(reset.status).toBe(200);
    const { temporaryPassword } = (await reset.json()) as { temporaryPassword: string };
    // Read out by phone or copied from paper: groups of five of letters and digits that cannot be taken for one another.
    expect(temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect((await zhao.get('/api/campaigns')).status).toBe(401);
    const again = await login('zhao.liu', temporaryPassword);
    expect(((await again.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);

    // Until it is changed, the handed-over password opens nothing but the change itself.
    const handed = await signIn(app, 'zhao.liu', temporaryPassword);
    const refused = await handed.get('/api/campaigns');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).code).toBe('password_change_required');
    expect(await whoIsSignedIn(handed)).toBe('zhao.liu');
    expect((await handed.send('POST', '/api/session/password', { currentPassword: temporaryPassword, password: 'zhao-second-password' })).status).toBe(204);
    expect((await handed.get('/api/campaigns')).status).toBe(200);
  });

  it('a CSV with one bad row creates nobody and names the row, column and reason; a good one creates everyone', async () => {
    const before = (await database.db.select({ id: users.id }).from(users)).length;
    const csv = ['用户名,姓名,角色,单位,初始密码', 'chen.yi,陈一,民警,hantai,chen-yi-password', 'chen.er,陈二,superhero,hantai,chen-er-password', 'chen.san,陈三,lead,atlantis,short'].join('\n');
    const refused = await admin.send('POST', '/api/admin/users/bulk', { csv, commit: true });
    expect(refused.status).toBe(422);
    const issues = ((await refused.json()) as Problem).plan?.issues ?? [];
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'role'],
      [4, 'unit'],
      [4, 'password'],
    ]);
    // The roles there are, said: the roster's own rank is no role here.
    expect(issues[0]?.reason.zh).toBe('未知角色：superhero（可填：系统管理员、专项办、单位负责人、民警、观察员）');
    expect((await database.db.select({ id: users.id }).from(users)).length).toBe(before);
    // An empty password is one issue, not "required" and "too short" both; a missing column is named once in English.
    const empty = await admin.send('POST', '/api/admin/users/bulk', { csv: ['用户名,姓名,角色,单位,初始密码', 'chen.si,陈四,民警,hantai,'].join('\n'), commit: false });
    expect((((await empty.json()) as { issues: { column: string }[] }).issues ?? []).map((i) => i.column)).toEqual(['password']);
    const noPassword = await admin.send('POST', '/api/admin/users/bulk', { csv: ['username,displayName,role,unit', 'chen.si,陈四,officer,hantai'].join('\n'), commit: false });
    expect((((await noPassword.json()) as { issues: { reason: { en: string } }[] }).issues ?? []).map((i) => i.reason.en)).toEqual(['Missing column: initial password (password)']);

    const good = ['username,displayName,role,unit,password', 'chen.yi,陈一,officer,hantai,chen-yi-password', 'chen.er,陈二,单位负责人,nanzheng,chen-er-password'].join('\n');
    const done = await admin.send('POST', '/api/admin/users/bulk', { csv: good, commit: true });
    expect(done.status).toBe(200);
    const plan = (await done.json()) as { created: { username: string; role: string; mustChangePassword: boolean }[] };
    expect(plan.created.map((u) => [u.username, u.role, u.mustChangePassword])).toEqual([
      ['chen.yi', 'officer', true],
      ['chen.er', 'lead', true],
    ]);
    expect((await login('chen.er', 'chen-er-password')).status).toBe(200);
  });

  it("names a bad row by the spreadsheet's number, blank rows counted, and refuses a name with a line break", async () => {
    const csv = ['username,displayName,role,unit,password', '', 'lin.yi,"林\n一",officer,hantai,lin-yi-password', ',,,,', 'lin.er,林二,officer,hantai,short'].join('\n');
    const refused = await admin.send('POST', '/api/admin/users/bulk', { csv, commit: true });
    expect(refused.status).toBe(422);
    const issues = ((await refused.json()) as Problem).plan?.issues ?? [];
    expect(issues.map((i) => [i.row, i.column, i.reason.zh])).toEqual([
      [3, 'displayName', '只能是一行文字，不能含换行或控制字符'],
      [5, 'password', expect.any(String)],
    ]);
  });

  it('names a row whose quote is never closed, and counts and checks the rows below it, the file refused', async () => {
    const csv = ['username,displayName,role,unit,password', 'lin.si,"林四,officer,hantai,lin-si-password', 'lin.wu,林五,officer,hantai,lin-wu-password'].join('\n');
    const refused = await admin.send('POST', '/api/admin/users/bulk', { csv, commit: true });
    expect(refused.status).toBe(422);
    const plan = ((await refused.json()) as Problem).plan;
    expect(plan).toMatchObject({ rows: 2, valid: 1 });
    expect(plan?.issues.map((i) => [i.row, i.column, i.reason.en.slice(0, 14)])).toEqual([[2, 'displayName', 'Unclosed quote']]);
  });

  it('names a row whose quoted cell has text after its closing quote, the rows it ran on over counted, the file refused', async () => {
    const csv = ['username,displayName,role,unit,password', 'lin.liu,"林"六,officer,hantai,lin-liu-password', 'lin.qi,林七,officer,hantai,lin-qi-password', 'lin.ba,"林八",officer,hantai,lin-ba-password'].join('\n');
    const refused = await admin.send('POST', '/api/admin/users/bulk', { csv, commit: true });
    expect(refused.status).toBe(422);
    const plan = ((await refused.json()) as Problem).plan;
    expect(plan).toMatchObject({ rows: 3, valid: 2 });
    expect(plan?.issues.map((i) => [i.row, i.column, i.reason.en.slice(0, 15)])).toEqual([[2, 'displayName', 'Misplaced quote']]);
  });

  it('says once of a row with no username that it needs one, not also that an empty one has the wrong letters', async () => {
    const csv = ['username,displayName,role,unit,password', ',林三,officer,hantai,lin-san-password'].join('\n');
    const plan = (await (await admin.send('POST', '/api/admin/users/bulk', { csv, commit: false })).json()) as { issues: { row: number; column: string }[] };
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([[2, 'username']]);
  });

  it('reads a unit by its short or long name when that names one unit, as the clue import does, and says which units a name could be', async () => {
    const roster = ['用户名,姓名,角色,单位,初始密码', 'qi.yi,戚一,民警,汉台,qi-yi-password', 'qi.er,戚二,民警,汉中市公安局城固县公安局,qi-er-password', 'qi.san,戚三,民警,支队,qi-san-password'].join('\n');
    const plan = (await (await admin.send('POST', '/api/admin/users/bulk', { csv: roster, commit: false })).json()) as { valid: number; issues: { row: number; column: string; reason: { zh: string } }[] };
    expect(plan.valid).toBe(2);
    expect(plan.issues).toEqual([{ row: 4, column: 'unit', reason: expect.objectContaining({ zh: '“支队”可指多个单位：刑侦支队、网安支队、经侦支队、治安支队，请写单位全称' }) }]);
  });

  it('reads a unit written as its district (汉台区) as that county’s branch, as the clue import does', async () => {
    const roster = ['用户名,姓名,角色,单位,初始密码', 'qu.yi,区一,民警,汉台区,qu-yi-password', 'qu.er,区二,民警,汉中市,qu-er-password'].join('\n');
    const plan = (await (await admin.send('POST', '/api/admin/users/bulk', { csv: roster, commit: false })).json()) as { valid: number; issues: { row: number; column: string; reason: { zh: string } }[] };
    expect(plan.valid).toBe(1);
    expect(plan.issues).toEqual([{ row: 3, column: 'unit', reason: expect.objectContaining({ zh: '没有这个单位：汉中市（填单位编码或名称）' }) }]);
    const done = await admin.send('POST', '/api/admin/users/bulk', { csv: roster.split('\n').slice(0, 2).join('\n'), commit: true });
    expect(done.status).toBe(200);
    const [made] = await database.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'qu.yi'));
    expect(made?.unitId).toBe('hantai');
  });

  it("reads a bureau's roster as it writes one: units by name, a lead called 负责人, full-width text, as long as the form says", async () => {
    const roster = ['用户名,姓名,角色,所属单位,初始密码', 'he.yi,何一,负责人,汉台分局,he-yi-password', 'he.er,何二,民警,ｎａｎｚｈｅｎｇ,he-er-password', 'he.san,何三,民警,火星分局,he-san-password'].join('\n');
    const checked = await admin.send('POST', '/api/admin/users/bulk', { csv: roster, commit: false });
    const plan = (await checked.json()) as { valid: number; issues: { row: number; column: string; reason: { zh: string } }[] };
    expect(plan.valid).toBe(2);
    expect(plan.issues).toEqual([{ row: 4, column: 'unit', reason: expect.objectContaining({ zh: '没有这个单位：火星分局（填单位编码或名称）' }) }]);
    const done = await admin.send('POST', '/api/admin/users/bulk', { csv: roster.split('\n').slice(0, 3).join('\n'), commit: true });
    expect(done.status).toBe(200);
    const created = ((await done.json()) as { created: { username: string; role: string; unitId: string }[] }).created;
    expect(created.map((u) => [u.username, u.role, u.unitId])).toEqual([
      ['he.yi', 'lead', 'hantai'],
      ['he.er', 'officer', 'nanzheng'],
    ]);

    // 59,000 characters of Chinese (some 180 KB of JSON) are checked, not refused as too large; past the bound, the field says so.
    const long = ['用户名,姓名,角色,单位,初始密码', ...Array.from({ length: 2000 }, (_, i) => `long.${i},${'长'.repeat(20)},民警,汉台分局,long-password-1`)].join('\n').slice(0, 59_000);
    expect((await admin.send('POST', '/api/admin/users/bulk', { csv: long, commit: false })).status).toBe(200);
    const tooLong = await admin.send('POST', '/api/admin/users/bulk', { csv: `${long}${'长'.repeat(1_001)}`, commit: false });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('csv');
  });

  it('two imports racing for one username: one creates it, the other is refused naming the row, and nothing is half-made', async () => {
    // A blank row before the contested one: the loser's row is named as the spreadsheet numbers it.
    const csv = (second: string) => ['username,displayName,role,unit,password', `race.${second},赛${second},officer,hantai,race-password-1`, '', 'race.both,共同,officer,hantai,race-password-1'].join('\n');
    const [a, b] = await Promise.all([admin.send('POST', '/api/admin/users/bulk', { csv: csv('a'), commit: true }), admin.send('POST', '/api/admin/users/bulk', { csv: csv('b'), commit: true })]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    const loser = a.status === 422 ? a : b;
    expect(((await loser.json()) as Problem).plan?.issues.map((i) => [i.row, i.column, i.reason.en])).toEqual([[4, 'username', 'The username race.both is taken']]);
    const made = await database.db.select({ username: users.username }).from(users);
    expect(made.filter((u) => u.username.startsWith('race.')).length).toBe(2);
  });

  it('records every administration action in the audit chain, with who did it and what changed, and never a password', async () => {
    const user = await created('log.one', 'log-one-password');
    const [me] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    // An edit of nothing is said so, not answered as saved (nor logged); so is a unit's and a category's.
    const nothing = { field: '(body)', message: { zh: '没有要修改的内容', en: 'Nothing to change' } };
    for (const path of [`/api/admin/users/${user.id}`, '/api/admin/units/hantai']) {
      const empty = await admin.send('PATCH', path, {});
      expect([empty.status, ((await empty.json()) as Problem).fields], path).toEqual([400, [nothing]]);
    }
    const office = await signIn(app, 'office');
    const [category] = (await (await office.get('/api/campaigns/1')).json() as { categories: { id: number }[] }).categories;
    const emptyCategory = await office.send('PATCH', `/api/campaigns/1/categories/${category?.id}`, {});
    expect([emptyCategory.status, ((await emptyCategory.json()) as Problem).fields]).toEqual([400, [nothing]]);
    expect((await admin.send('PATCH', `/api/admin/users/${user.id}`, { role: 'lead', displayName: '日志一' })).status).toBe(200);
    expect((await admin.send('POST', `/api/admin/users/${user.id}/password-reset`, { password: 'log-one-reset-pw' })).status).toBe(200);
    expect((await admin.send('POST', `/api/admin/users/${user.id}/disable`, {})).status).toBe(200);
    expect((await admin.send('POST', `/api/admin/users/${user.id}/enable`, {})).status).toBe(200);
    expect((await admin.send('POST', '/api/admin/units', { id: 'logtest', parentId: 'hantai', kind: 'other', nameZh: '日志测试组', nameEn: 'Log test team', leadIds: [user.id] })).status).toBe(201);
    expect((await admin.send('PATCH', '/api/admin/units/logtest', { nameEn: 'Log team' })).status).toBe(200);
    // Its own creation entry is not history that keeps a unit from being deleted.
    expect((await admin.send('DELETE', '/api/admin/units/logtest')).status).toBe(204);
    expect((await admin.send('PUT', '/api/admin/password-policy', { minLength: 11, reuseHistory: 3 })).status).toBe(200);
    expect((await admin.send('PUT', '/api/admin/password-policy', { minLength: 10, reuseHistory: 3 })).status).toBe(200);

    const page = (await (await admin.get(`/api/admin/log?user=${user.id}`)).json()) as { entries: { event: string; actor: { id: number } | null; payload: Record<string, unknown> }[] };
    expect(page.entries.map((e) => e.event)).toEqual(['user.enable', 'user.disable', 'user.reset_password', 'user.edit', 'user.create']);
    expect(page.entries.every((e) => e.actor?.id === me?.id)).toBe(true);
    expect(page.entries[3]?.payload).toEqual({ changes: { displayName: { from: '测试 log.one', to: '日志一' }, role: { from: 'officer', to: 'lead' } } });
    const unitLog = (await (await admin.get('/api/admin/log?unit=logtest')).json()) as { entries: { event: string; payload: Record<string, unknown> }[] };
    expect(unitLog.entries.map((e) => e.event)).toEqual(['unit.delete', 'unit.edit', 'unit.create']);
    expect(unitLog.entries[1]?.payload).toEqual({ changes: { nameEn: { from: 'Log test team', to: 'Log team' } } });
    // A unit's log holds the changes to its people too (log.one is Hantai's), and a person of the unit chosen with it gives theirs.
    type LogPage = { entries: { event: string; userId: number | null }[] };
    const hantaiLog = (await (await admin.get('/api/admin/log?unit=hantai&limit=200')).json()) as LogPage;
    expect(hantaiLog.entries.filter((e) => e.userId === user.id).map((e) => e.event)).toEqual(page.entries.map((e) => e.event));
    expect(((await (await admin.get(`/api/admin/log?user=${user.id}&unit=hantai`)).json()) as LogPage).entries.map((e) => e.event)).toEqual(page.entries.map((e) => e.event));
    expect(((await (await admin.get(`/api/admin/log?user=${user.id}&unit=nanzheng`)).json()) as LogPage).entries).toEqual([]);

    const all = await (await admin.get('/api/admin/log?limit=200')).text();
    expect(all).toContain('password_policy.change');
    for (const secret of ['log-one-password', 'log-one-reset-pw', 'scrypt']) expect(all).not.toContain(secret);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    // The board's event stream and the reports read campaign entries only.
    expect((await (await signIn(app, 'office')).get('/api/admin/log')).status).toBe(403);
  });

  it('a new role ends the account\'s sessions: a wall display of a read-only account does not go on with write rights', async () => {
    const wall = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'battlemap', display: true }) });
    expect(wall.status).toBe(200);
    const display = sessionWith(app, (wall.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    const [viewer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'viewer'));
    // A change of name alone keeps it.
    expect((await admin.send('PATCH', `/api/admin/users/${viewer?.id}`, { displayName: '大屏' })).status).toBe(200);
    expect(await whoIsSignedIn(display)).toBe('viewer');

    const promoted = await admin.send('PATCH', `/api/admin/users/${viewer?.id}`, { role: 'office' });
    expect(promoted.status, await promoted.clone().text()).toBe(200);
    expect(await whoIsSignedIn(display)).toBeNull();
    expect((await display.send('POST', '/api/clues/1/notes', { text: '大屏写入' })).status).toBe(401);
    const log = (await (await admin.get(`/api/admin/log?user=${viewer?.id}`)).json()) as { entries: { event: string; payload: { sessionsEnded?: number } }[] };
    // The wall's session, and any other the account had open (an earlier test's sign-in).
    expect(log.entries[0]).toMatchObject({ event: 'user.edit', payload: { changes: { role: { from: 'viewer', to: 'office' } } } });
    expect(log.entries[0]?.payload.sessionsEnded).toBeGreaterThanOrEqual(1);
    // Signed in again, the account works with its new role; put back, it may keep a wall display again.
    expect((await signIn(app, 'viewer')).cookie).not.toBe('');
    expect((await admin.send('PATCH', `/api/admin/users/${viewer?.id}`, { role: 'viewer', displayName: '只读账号' })).status).toBe(200);
  });

  it("refuses an administrator's change of their own role, naming the field, and changes nothing; their name they may change", async () => {
    const [me] = await database.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, 'admin'));
    // Another administrator exists, so the last-administrator rule is not what refuses it.
    const other = await admin.send('POST', '/api/admin/users', { username: 'second.admin', displayName: '第二管理员', role: 'admin', unitId: 'office', password: 'Another-admin-2026' });
    expect(other.status, await other.clone().text()).toBe(201);
    const refused = await admin.send('PATCH', `/api/admin/users/${me?.id}`, { role: 'officer', displayName: '改名' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).fields).toEqual([{ field: 'role', message: { zh: '不能更改自己的角色，请由另一名系统管理员操作', en: 'You cannot change your own role: ask another administrator' } }]);
    const [after] = await database.db.select({ role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, me?.id ?? -1));
    expect(after?.role).toBe('admin');
    expect(after?.displayName).not.toBe('改名');
    expect(await whoIsSignedIn(admin)).toBe('admin');
    expect((await admin.send('PATCH', `/api/admin/users/${me?.id}`, { role: 'admin', displayName: after?.displayName })).status).toBe(200);
  });

  it('documents the people routes in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/admin/users', '/admin/users/{id}/disable', '/admin/users/{id}/password-reset', '/admin/users/bulk', '/admin/password-policy', '/admin/units', '/admin/units/{id}', '/admin/log', '/admin/sessions', '/admin/users/{id}/sessions/end', '/session/password']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    // Both places a password is guessed say they may answer 429, and when to try again.
    for (const path of ['/session', '/session/password']) expect(doc.paths).toHaveProperty([path, 'post', 'responses', '429', 'headers', 'Retry-After']);
  });
});
