import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { answerConfirm, artifacts, asUser, asUserOn, browserSuite, signedIn } from './browser-kit';
import { demoPassword } from '../support/test-database';

/**
 * The administrator's people screens in a real Chromium: a user created
 * through the form, a password reset, a bulk CSV refused with its bad row,
 * the unit tree; then the new user is made to change the password before
 * anything else. Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 40, problems: 4 } });


describe('people administration in the browser', () => {
  test('the administrator creates and resets a user, sees a bad CSV row, and the user must change the password first', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'admin');
    await page.getByTestId('nav-people').click();
    await page.waitForURL(/\/admin\/people$/);
    const form = page.getByTestId('new-user-form');
    // Sent empty, the form is answered in the page's words beside each field, not by the browser's own English bubble.
    await form.locator('button[type=submit]').click();
    await expect.poll(async () => (await form.locator('.field-message').allTextContents()).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    // A username of letters it does not take and a password too short: both said at once, not one answer after the other.
    await form.locator('input[name=username]').fill('Sun Qi');
    await form.locator('input[name=displayName]').fill('孙七');
    await form.locator('select').nth(1).selectOption('hantai');
    await form.locator('input[name=password]').fill('short');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.field-message').allTextContents()).toContain('密码至少需要 10 个字符');
    expect((await form.locator('.field-message').allTextContents()).filter(Boolean)).toEqual(['只能使用小写字母、数字、点、短横线和下划线', '密码至少需要 10 个字符']);
    await form.locator('input[name=username]').fill('sun.qi');
    await form.locator('input[name=password]').fill('sun-qi-initial-pw');
    await form.locator('button[type=submit]').click();
    const row = page.locator('tr[data-username="sun.qi"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('待改密码');
    // The unit chosen stays shown as it stays chosen for the next account (the units read again showed the office).
    expect(await form.locator('select').nth(1).inputValue()).toBe('hantai');
    // A row edited from the keyboard: the name takes the focus, an empty one is said under it, Escape gives the row back.
    await row.locator('[data-action=edit]').click();
    const editing = page.locator('tr.is-editing');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.classList.contains('is-editing') ?? false)).toBe(true);
    await editing.locator('input').fill('');
    await editing.locator('input').press('Enter');
    await expect.poll(() => editing.locator('td').nth(1).locator('.field-message').textContent()).not.toBe('');
    await editing.locator('input').press('Escape');
    await editing.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('edit');
    expect(await row.textContent()).toContain('孙七');
    // The administrator's own row offers no disabling nor reset: their own password is changed with the current one.
    const own = page.locator('tr[data-username="admin"]');
    expect(await own.textContent()).toContain('本人账号');
    expect(await own.locator('[data-action=reset], [data-action=disable]').count()).toBe(0);

    // Ten wrong passwords lock the account out of signing in: its row says until when (it had read only 启用), and the
    // reset below lifts it.
    for (let i = 0; i < 10; i++) await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sun.qi', password: `wrong-guess-${i}` }) });
    await page.reload();
    await expect.poll(() => row.getByTestId('locked-until').textContent()).toMatch(/^已锁定至 /);
    expect(await row.getByTestId('locked-until').getAttribute('title')).toContain('重置密码可立即解除');
    // A reset signs the user out everywhere, so it asks first; dismissed, nothing happens.
    await row.locator('[data-action=reset]').click();
    // Asked in the app's own dialog, not the browser's (which stopped every tab of the page): Cancel has the focus, so a
    // stray Enter confirms nothing, and Escape answers no.
    const confirmation = page.getByTestId('confirm-dialog');
    await confirmation.waitFor();
    expect(await confirmation.getAttribute('role')).toBe('alertdialog');
    // Named by the account it acts on, as its heading: the row may be out of sight (a phone's table scrolled sideways).
    expect(await confirmation.getByRole('heading').textContent()).toBe('重置密码 孙七（sun.qi）');
    expect(await page.getByRole('alertdialog', { name: '重置密码 孙七（sun.qi）' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-answer'))).toBe('no');
    let asked = (await confirmation.locator('.confirm-dialog-text').textContent()) ?? '';
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    expect(asked).toContain('登出');
    expect(await page.getByTestId('temporary-password').count()).toBe(0);
    await row.locator('[data-action=reset]').click();
    await answerConfirm(page, true);
    const temporary = (await page.getByTestId('temporary-password').locator('code').textContent()) ?? '';
    // The rows drawn anew as the accounts are read again: the focus is on the row's button, not the page's body.
    await expect.poll(() => page.evaluate(() => [document.activeElement?.closest('tr')?.getAttribute('data-username'), document.activeElement?.getAttribute('data-action')])).toEqual(['sun.qi', 'reset']);
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    expect(await row.getByTestId('locked-until').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}/people-users.png` });

    await page.locator('[data-tab=bulk]').click();
    // The roster as Excel on a Chinese Windows saves it: GBK, not UTF-8.
    const roster = '用户名,姓名,角色,单位,初始密码\nzhou.ba,周八,民警,汉台分局,zhou-ba-password\nwu.jiu,吴九,队长,hantai,wu-jiu-password';
    await page.getByTestId('bulk-file').setInputFiles({ name: '账号.csv', mimeType: 'text/csv', buffer: iconv.encode(roster, 'gbk') });
    await expect.poll(() => page.locator('textarea').inputValue()).toBe(roster);
    await page.getByRole('button', { name: '全部创建' }).click();
    const issues = page.getByTestId('bulk-issues');
    await issues.waitFor();
    // The column in the reader's language.
    expect(await issues.locator('tbody tr').first().textContent()).toMatch(/^3角色未知角色：队长/);
    await page.screenshot({ path: `${artifacts}/people-bulk.png` });
    // In English the column is named as a header reads, not by its key ("role", "password").
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => issues.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('Role');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => issues.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('角色');
    // Found wrong, it is not offered again until the CSV changes: sent, it was only refused whole once more.
    expect(await page.getByRole('button', { name: '全部创建' }).isDisabled()).toBe(true);
    // Another file: the check of the one before is not left under it; created, the accounts are listed and the CSV goes.
    const fixed = '用户名,姓名,角色,单位,初始密码\nzhou.ba,周八,民警,汉台分局,zhou-ba-password';
    await page.getByTestId('bulk-file').setInputFiles({ name: '账号2.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
    await expect.poll(() => page.locator('textarea').inputValue()).toBe(fixed);
    expect(await page.getByTestId('bulk-plan').count()).toBe(0);
    await page.getByRole('button', { name: '全部创建' }).click();
    await expect.poll(() => page.getByTestId('bulk-plan').textContent()).toContain('zhou.ba');
    expect(await page.locator('textarea').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: '全部创建' }).isDisabled()).toBe(true);

    await page.locator('[data-tab=units]').click();
    // Before a unit is chosen, the place of its editor says how a unit is edited or one added below it.
    expect(await page.getByTestId('unit-pick-hint').textContent()).toBe('点击单位名称可编辑该单位，或在其下“新建下级单位”。');
    await page.locator('tr[data-unit=hantai]').click();
    await page.getByTestId('unit-form').waitFor();
    expect(await page.getByTestId('unit-pick-hint').count()).toBe(0);
    // Retiring a unit that holds people and work asks first, saying what it keeps; dismissed, nothing changes.
    await page.getByTestId('unit-form').locator('[data-action=retire]').click();
    asked = await answerConfirm(page, false);
    expect(asked).toMatch(/其 \d+ 名人员和 \d+ 条线索或问题保持原样/);
    expect(await page.locator('tr[data-unit=hantai]').textContent()).not.toContain('已撤销');
    await page.screenshot({ path: `${artifacts}/people-units.png` });

    // The activity log names who created and reset the user (and the account from the CSV), newest first, and holds no password.
    await page.locator('[data-tab=log]').click();
    const log = page.getByTestId('log-table');
    await expect.poll(() => log.locator('tbody tr').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-event')))).toEqual(['user.create', 'user.reset_password', 'user.create']);
    expect(await log.locator('tbody tr').nth(0).textContent()).toContain('周八（zhou.ba）');
    expect(await log.locator('tbody tr').nth(2).textContent()).toContain('孙七（sun.qi）');
    expect(await log.textContent()).not.toContain(temporary);
    await page.screenshot({ path: `${artifacts}/people-log.png` });
    // Shown once, the temporary password is still there after the other tabs, until dismissed.
    await page.locator('[data-tab=users]').click();
    expect(await page.getByTestId('temporary-password').locator('code').textContent()).toBe(temporary);
    // Saved, the focus is back on the row's Edit, once the list is read again: it had gone to the form at the top,
    // taking the page with it, and editing the next row down meant scrolling back each time.
    await page.getByTestId('temporary-password').getByRole('button').click();
    await row.locator('[data-action=edit]').click();
    await editing.locator('input').fill('孙七七');
    await editing.locator('input').press('Enter');
    await editing.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('孙七七');
    await expect.poll(() => page.evaluate(() => [document.activeElement?.getAttribute('data-action'), document.activeElement?.closest('tr')?.getAttribute('data-username')])).toEqual(['edit', 'sun.qi']);
    await page.keyboard.press('Enter');
    await editing.locator('input').fill('孙七');
    await editing.locator('input').press('Enter');
    await expect.poll(() => row.textContent()).not.toContain('孙七七');
    await context.close();

    // The reset user signs in with the temporary password and sees only the change screen until they change it.
    const userContext = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const userPage = await userContext.newPage();
    await userPage.goto(`${suite.server.url}/`);
    await userPage.locator('input[name=username]').fill('sun.qi');
    await userPage.locator('input[name=password]').fill(temporary);
    await userPage.locator('button[type=submit]').click();
    const change = userPage.getByTestId('change-password');
    await change.waitFor();
    await userPage.screenshot({ path: `${artifacts}/people-change-password.png` });
    await change.locator('input[name=currentPassword]').fill(temporary);
    await change.locator('input[name=newPassword]').fill('sun-qi-own-password');
    await change.locator('input[name=repeatPassword]').fill('sun-qi-own-password');
    await change.locator('button[type=submit]').click();
    await userPage.waitForURL(/\/campaigns\/\d+\/board/);
    await userPage.locator('[data-testid=board]').waitFor();
    // Said, as a change of their own accord is: the board alone did not tell the password was taken.
    await userPage.getByTestId('toast').filter({ hasText: '密码已修改' }).waitFor();

    // Later, of their own accord: their name in the top bar leads to the change, and back to the board after it.
    await userPage.getByTestId('user').click();
    await userPage.waitForURL(/\/account\/password$/);
    expect(await change.locator('h1').textContent()).toBe('修改密码');
    await change.locator('input[name=currentPassword]').fill('sun-qi-own-password');
    await change.locator('input[name=newPassword]').fill('sun-qi-later-password');
    await change.locator('input[name=repeatPassword]').fill('sun-qi-later-password');
    await change.locator('button[type=submit]').click();
    await userPage.waitForURL(/\/campaigns\/\d+\/board/);
    const again = await userContext.request.post(`${suite.server.url}/api/session`, { data: { username: 'sun.qi', password: 'sun-qi-later-password' }, headers: { origin: suite.server.url } });
    expect(again.status()).toBe(200);
    // Opened on its own (a new tab), its Back goes to the app's start, not out of the app.
    await userPage.goto(`${suite.server.url}/account/password`);
    await userPage.getByTestId('change-password-back').click();
    await userPage.waitForURL(/\/campaigns\/\d+\/board/);
    await userContext.close();
  }, 90_000);

  test("a read of the administrator's page that fails says so in its place, not the page's notice, and is tried again by itself", () =>
    asUser(suite, 'admin', async ({ page }) => {
      const accountsRead = /\/api\/admin\/users$/;
      await page.route(accountsRead, (route) => route.abort('connectionfailed'));
      await page.goto(`${suite.server.url}/admin/people`);
      await expect.poll(() => page.locator('.people-page [role=alert]').textContent()).toMatch(/^人员与单位加载失败：无法连接服务器/);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      await page.unroute(accountsRead);
      await page.getByTestId('users-table').waitFor({ timeout: 15_000 });

      const sessionsRead = /\/api\/admin\/sessions$/;
      await page.route(sessionsRead, (route) => route.abort('connectionfailed'));
      await page.locator('[data-tab=sessions]').click();
      await expect.poll(() => page.getByTestId('sessions-panel').getByRole('alert').textContent()).toMatch(/^登录会话加载失败：无法连接服务器/);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      await page.unroute(sessionsRead);
      await page.getByTestId('sessions-table').waitFor({ timeout: 15_000 });
    }));

  test('the administrator sees a wall display first among the open sessions and ends it; the screen is signed out', async () => {
    const wall = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const other = await suite.browser.newContext();
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'admin');
    try {
      const wallPage = await wall.newPage();
      const signIn = await wallPage.request.post(`${suite.server.url}/api/session`, { data: { username: 'viewer', password: demoPassword, display: true } });
      expect(signIn.status()).toBe(200);
      // The administrator is signed in twice: this browser and another.
      expect((await other.request.post(`${suite.server.url}/api/session`, { data: { username: 'admin', password: demoPassword } })).status()).toBe(200);
      expect(await (await wallPage.request.get(`${suite.server.url}/api/session`)).json()).toMatchObject({ username: 'viewer' });

      await page.getByTestId('nav-people').click();
      await page.locator('[data-tab=sessions]').click();
      const first = page.getByTestId('sessions-table').locator('tbody tr').first();
      await first.waitFor();
      expect(await first.getAttribute('data-username')).toBe('viewer');
      expect(await first.getAttribute('data-display')).toBe('true');
      expect(await first.getByTestId('session-count').textContent()).toContain('大屏显示 1');
      // One row per account, however many browsers it is signed in from.
      const admins = page.locator('[data-testid=sessions-table] tr[data-username="admin"]');
      expect(await admins.count()).toBe(1);
      expect(Number(await admins.getByTestId('session-count').textContent())).toBeGreaterThanOrEqual(2);
      // Their own row offers no ending of their sessions (it ended this very page): they sign out instead.
      expect(await admins.locator('[data-action=end-sessions]').count()).toBe(0);
      expect(await admins.locator('.people-self').textContent()).toBe('本人账号');
      await page.screenshot({ path: `${artifacts}/people-sessions.png` });
      // A sign-in elsewhere while the tab is shown: there once it is read again, without leaving the tab.
      expect((await other.request.post(`${suite.server.url}/api/session`, { data: { username: 'hantai.officer', password: demoPassword } })).status()).toBe(200);
      await page.getByTestId('sessions-refresh').click();
      await page.locator('[data-testid=sessions-table] tr[data-username="hantai.officer"]').waitFor();

      await first.locator('[data-action=end-sessions]').click();
      await answerConfirm(page, true);
      await expect.poll(() => page.locator('[data-testid=sessions-table] tr[data-username="viewer"]').count()).toBe(0);
      expect(await (await wallPage.request.get(`${suite.server.url}/api/session`)).json()).toBeNull();
      await page.locator('[data-tab=log]').click();
      await expect.poll(() => page.locator('[data-testid=log-table] tbody').textContent(), { timeout: 5_000 }).toContain('结束登录会话');
    } finally {
      await other.close();
      await wall.close();
      await context.close();
    }
  });
  test('what the administrator typed in a new account or a CSV is still there after another tab, until it is sent', () =>
    asUserOn(suite, 'admin', '/admin/people', async ({ page }) => {
      const form = page.getByTestId('new-user-form');
      await form.locator('input[name=username]').fill('zheng.shi');
      await form.locator('input[name=displayName]').fill('郑十');
      await form.locator('select').nth(1).selectOption('nanzheng');
      await form.locator('input[name=password]').fill('zheng-shi-initial-pw');

      // A CSV loaded and one of its rows corrected by hand, then a look at the accounts and back.
      await page.locator('[data-tab=bulk]').click();
      const loaded = '用户名,姓名,角色,单位,初始密码\nfeng.yi,冯一,民警,汉台分局,feng-yi-password\nchen.er,陈二,队长,hantai,chen-er-password';
      await page.getByTestId('bulk-file').setInputFiles({ name: '账号.csv', mimeType: 'text/csv', buffer: Buffer.from(loaded) });
      const csv = page.getByTestId('bulk-panel').locator('textarea');
      await expect.poll(() => csv.inputValue()).toBe(loaded);
      const edited = loaded.replace('陈二,队长', '陈二,民警');
      await csv.fill(edited);
      await page.locator('[data-tab=users]').click();
      await page.locator('[data-tab=units]').click();
      await page.locator('[data-tab=bulk]').click();
      expect(await csv.inputValue()).toBe(edited);
      const check = page.getByTestId('bulk-panel').getByRole('button', { name: '预检' });
      expect(await check.isDisabled()).toBe(false);

      await page.locator('[data-tab=users]').click();
      expect(await form.locator('input[name=username]').inputValue()).toBe('zheng.shi');
      expect(await form.locator('input[name=displayName]').inputValue()).toBe('郑十');
      expect(await form.locator('select').nth(1).inputValue()).toBe('nanzheng');
      expect(await form.locator('input[name=password]').inputValue()).toBe('zheng-shi-initial-pw');
      // Kept in the page only: no password of the form or the CSV is written to the browser's storage.
      const stored = await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]));
      for (const password of ['zheng-shi-initial-pw', 'feng-yi-password', 'chen-er-password']) expect(stored).not.toContain(password);

      // Sent, the account's fields go, and stay gone after another tab and back.
      await form.locator('button[type=submit]').click();
      await page.locator('tr[data-username="zheng.shi"]').waitFor();
      await page.locator('[data-tab=bulk]').click();
      await page.locator('[data-tab=users]').click();
      expect(await form.locator('input[name=username]').inputValue()).toBe('');
      expect(await form.locator('input[name=password]').inputValue()).toBe('');
      // The CSV, still there, is created as corrected; then it goes too.
      await page.locator('[data-tab=bulk]').click();
      await page.getByTestId('bulk-create').click();
      await expect.poll(() => page.getByTestId('bulk-plan').textContent()).toContain('chen.er');
      await page.locator('[data-tab=users]').click();
      await page.locator('[data-tab=bulk]').click();
      expect(await csv.inputValue()).toBe('');
    }));
  test('the page is headed, its tab list named and each tab\'s panel headed; each row\'s buttons are named with their user, and the notice\'s close button says what it does', () =>
    asUserOn(suite, 'admin', '/admin/people', async ({ page }) => {
      await page.getByTestId('users-table').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('人员与单位管理');
      // The people in the units' tree order, the office's first and 汉台 before 城固, as the bureau lists its units (by
      // the units' Latin codes, chenggu came first and the list read as random in Chinese).
      const usernames = await page.getByTestId('users-table').locator('tbody tr[data-username]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-username') ?? ''));
      expect(usernames.slice(0, 3).sort()).toEqual(['admin', 'office', 'viewer']);
      expect(usernames.indexOf('hantai.lead')).toBeLessThan(usernames.indexOf('chenggu.lead'));
      expect(usernames.indexOf('xingzhen.lead')).toBeLessThan(usernames.indexOf('hantai.lead'));
      const tabList = page.getByRole('tablist', { name: '人员与单位管理栏目' });
      const tabNames = ['用户', '批量创建', '单位', '密码策略', '登录会话', '操作记录'];
      expect(await tabList.getByRole('tab').allTextContents()).toEqual(tabNames);
      // Each tab shows a panel named by it, under a heading of its name (the panels kept mounted are hidden, out of the tree).
      for (const name of tabNames) {
        await tabList.getByRole('tab', { name, exact: true }).click();
        const panel = page.getByRole('tabpanel', { name, exact: true });
        await panel.waitFor();
        expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(name);
        expect(await page.getByRole('tabpanel').count()).toBe(1);
      }
      // From the keyboard the arrows move along the tabs, as in any tab list.
      await tabList.getByRole('tab', { name: '操作记录' }).press('ArrowRight');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('users');
      expect(await tabList.getByRole('tab', { name: '用户', exact: true }).getAttribute('aria-selected')).toBe('true');

      // Thirty-odd rows of the same three buttons: each says whose it is.
      const user = '佛坪县公安局民警';
      for (const action of ['编辑', '停用', '重置密码']) {
        expect(await page.getByRole('button', { name: action, exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: `${action} ${user}`, exact: true }).count()).toBe(1);
      }
      await page.getByRole('button', { name: `重置密码 ${user}`, exact: true }).click();
      await answerConfirm(page, true);
      const notice = page.getByTestId('temporary-password');
      await notice.waitFor();
      // Shown this once, it is said under the row whose Reset was pressed, in view: above the table it had been a screen
      // and more above this row, far down the list, with nothing changed where the administrator was looking.
      expect(await notice.evaluate((n) => n.closest('tr')?.previousElementSibling?.querySelector('[data-action=reset]')?.getAttribute('aria-label'))).toBe(`重置密码 ${user}`);
      expect(await notice.evaluate((n) => { const box = n.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
      await notice.getByRole('button', { name: '关闭', exact: true }).click();
      await notice.waitFor({ state: 'detached' });

      // Someone else signed in: their row's button names them (the administrator's own row has none to name).
      const signedIn = await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'foping.lead', password: demoPassword }) });
      expect(signedIn.status).toBe(200);
      await tabList.getByRole('tab', { name: '登录会话' }).click();
      await page.getByRole('button', { name: '结束该账号的会话 佛坪县公安局负责人', exact: true }).waitFor();
      await page.getByTestId('lang-toggle').click();
      await page.getByRole('heading', { level: 1, name: 'People and units' }).waitFor();
      expect(await page.getByRole('tabpanel', { name: 'Sessions' }).getByRole('heading', { level: 2 }).textContent()).toBe('Sessions');
      await page.getByRole('tablist', { name: 'People and units sections' }).getByRole('tab', { name: 'Users' }).click();
      expect(await page.getByRole('button', { name: `Edit ${user}`, exact: true }).count()).toBe(1);
      // Each account's open items counted as English counts them: one is "1 open item" (it read "1 open items").
      const accounts = await (await page.request.get(`${suite.server.url}/api/admin/users`)).json() as { username: string; openItems: number; disabledAt: string | null }[];
      for (const account of accounts.filter((a) => a.openItems > 0 && a.disabledAt === null)) {
        expect(await page.locator(`tr[data-username="${account.username}"]`).getByTestId('open-items').textContent()).toBe(account.openItems === 1 ? '1 open item' : `${account.openItems} open items`);
      }
    }));

  test('the tab shown is kept in the address: a reload, and Back from another page or tab, come to it again; a tab there is none of names no page', () =>
    asUserOn(suite, 'admin', '/admin/people', async ({ page }) => {
      const selected = () => page.locator('[role=tab][aria-selected=true]').getAttribute('data-tab');
      await page.getByTestId('users-table').waitFor();
      await page.locator('[data-tab=sessions]').click();
      await page.waitForURL(/\/admin\/people\?tab=sessions$/);
      await page.getByTestId('sessions-table').waitFor();
      // Read again, the page is at its sessions (it showed the users).
      await page.reload();
      await page.getByTestId('sessions-table').waitFor();
      expect(await selected()).toBe('sessions');
      // Another tab, then Back: the sessions again.
      await page.locator('[data-tab=units]').click();
      await page.waitForURL(/\?tab=units$/);
      await page.goBack();
      await page.waitForURL(/\?tab=sessions$/);
      await page.getByTestId('sessions-table').waitFor();
      expect(await selected()).toBe('sessions');
      // To the board and Back.
      await page.getByRole('link', { name: '返回看板' }).click();
      await page.waitForURL(/\/campaigns\/\d+\/board/);
      await page.goBack();
      await page.getByTestId('sessions-table').waitFor();
      expect(await selected()).toBe('sessions');
      // The first tab is the plain address; the arrow keys pass along the tabs without a step of Back each.
      await page.locator('[data-tab=users]').click();
      await page.waitForURL(/\/admin\/people$/);
      await page.locator('[data-tab=users]').press('ArrowRight');
      await page.waitForURL(/\?tab=bulk$/);
      await page.goBack();
      await page.waitForURL(/\?tab=sessions$/);
      // A tab mistyped is an address no page answers to, not the users' tab as if asked for.
      await page.goto(`${suite.server.url}/admin/people?tab=session`);
      await expect.poll(() => page.getByTestId('page-trouble').locator('p').textContent()).toBe('地址“/admin/people?tab=session”没有对应的页面，链接可能有误或已过时。');
    }));

  test('on a phone the section tabs, wider than the screen, fade at their right edge until scrolled to their end', () =>
    asUserOn(suite, 'admin', '/admin/people', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      const tabs = page.getByRole('tablist', { name: '人员与单位管理栏目' });
      await tabs.waitFor();
      // They ended at the screen's edge at 密码策, with nothing to say the rest lay past it.
      expect(await tabs.evaluate((box) => box.scrollWidth > box.clientWidth + 20)).toBe(true);
      await expect.poll(() => tabs.getAttribute('data-more')).toBe('');
      await tabs.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      await expect.poll(() => tabs.getAttribute('data-more')).toBeNull();
    }));

  test("on a phone a unit chosen brings its editor, below the long unit tree, into view with the focus; beside the tree the focus stays on the row", () =>
    asUserOn(suite, 'admin', '/admin/people?tab=units', async ({ page }) => {
      const choose = (unit: string) => page.locator(`tr[data-unit=${unit}] button.link-button`).click();
      const heading = page.getByTestId('unit-form').getByRole('heading', { level: 3 });
      /** Whether the editor's heading is on the screen, and what has the focus. */
      const seen = () =>
        heading.evaluate((h) => {
          const box = h.getBoundingClientRect();
          return { inView: box.top >= 0 && box.bottom <= window.innerHeight, focused: document.activeElement?.textContent?.trim() ?? '' };
        });
      // A wide screen: the editor opens beside the tree, in view; the keyboard stays on the unit chosen.
      await choose('hantai');
      await expect.poll(() => heading.textContent()).toBe('汉台分局');
      await page.waitForTimeout(100);
      expect(await seen()).toEqual({ inView: true, focused: '汉台分局' });
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');

      await page.setViewportSize({ width: 390, height: 844 });
      await choose('nanzheng');
      // It opened some twenty rows below, off the screen, with nothing in view but the row's colour.
      await expect.poll(seen).toEqual({ inView: true, focused: '南郑分局' });
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
      await page.screenshot({ path: `${artifacts}/people-unit-chosen-390.png` });
    }));

  test('a unit created below another is the one chosen: its editor shown, its row marked, in view above the toast and with the keyboard on it', () =>
    asUserOn(suite, 'admin', '/admin/people?tab=units', async ({ page }) => {
      page.setDefaultTimeout(8000);
      await page.setViewportSize({ width: 1366, height: 600 });
      await page.locator('tr[data-unit=office] button.link-button').click();
      const form = page.getByTestId('unit-form');
      await expect.poll(() => form.getByRole('heading', { level: 3 }).textContent()).toBe('市局专项办');
      await form.getByRole('button', { name: '新建下级单位' }).click();
      await expect.poll(() => form.getByRole('heading', { level: 3 }).textContent()).toBe('新建下级单位');
      await form.getByLabel('编码', { exact: true }).fill('zxzu');
      await form.getByLabel('中文名称').fill('专项测试组');
      await form.getByRole('button', { name: '创建' }).click();
      const toast = page.getByTestId('toast').filter({ hasText: '已保存' });
      await toast.waitFor();
      // It fell back to the parent, 市局专项办, the new unit to be found in the table and clicked.
      await expect.poll(() => form.getByRole('heading', { level: 3 }).textContent()).toBe('专项测试组');
      const row = page.locator('tr[data-unit=zxzu]');
      expect(await row.getAttribute('class')).toContain('is-selected');
      expect(await page.locator('tr.is-selected').count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-unit'))).toBe('zxzu');
      const [rowBox, toastBox] = await Promise.all([row.boundingBox(), toast.boundingBox()]);
      if (rowBox === null || toastBox === null) throw new Error('the row and the toast are shown');
      expect(rowBox.y).toBeGreaterThanOrEqual(0);
      expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(toastBox.y);
      await page.screenshot({ path: `${artifacts}/people-unit-created.png` });

      // Deleted again (it holds nothing), for the tests after.
      await form.getByRole('button', { name: '删除' }).click();
      await answerConfirm(page, true);
      await row.waitFor({ state: 'detached' });
    }));

  test('the password change marks the field that is wrong and has its message describe it', () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      await page.getByTestId('user').click();
      const change = page.getByTestId('change-password');
      await change.waitFor();
      const current = change.getByLabel('当前密码', { exact: true });
      const next = change.getByLabel('新密码', { exact: true });
      const again = change.getByLabel('再次输入新密码', { exact: true });
      // Each field is named by its label alone (the message under it is no part of its name).
      await current.fill('not-the-password');
      await next.fill('a-long-new-password');
      await again.fill('another-new-password');
      await change.locator('button[type=submit]').click();
      await expect.poll(() => again.getAttribute('aria-invalid')).toBe('true');
      expect(await again.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('两次输入的新密码不一致');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('repeatPassword');
      expect([await current.getAttribute('aria-invalid'), await next.getAttribute('aria-invalid')]).toEqual(['false', 'false']);

      // The server refuses the current password: that field is marked, and the one fixed no longer is.
      await again.fill('a-long-new-password');
      await change.locator('button[type=submit]').click();
      await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
      expect(await again.getAttribute('aria-invalid')).toBe('false');
      const said = await current.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      expect(said).not.toBe('');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('currentPassword');
    }));
});
