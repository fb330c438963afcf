import type { Database } from '../../db/client';
import { hasCampaign } from '../../db/seed/seed-demo';
import { askPassword } from '../auth/ask-password';
import { hashPassword } from '../auth/password';
import type { Clock } from '../clock';
import type { Env } from '../env';
import { seedDemoCampaign } from '../services/demo';
import { adminPasswordProblem, createFirstAdmin, firstAdmin, hasUsers } from '../services/people/first-start';
import { CannotStart } from './cannot-start';
import { startLine } from './start-line';

/**
 * The administrator's password for a first start with no accounts: from
 * BATTLEMAP_ADMIN_PASSWORD, else asked twice on the terminal; with neither,
 * the start fails with what to do.
 */
async function firstAdminPassword(database: Database, env: Env): Promise<string> {
  if (env.BATTLEMAP_ADMIN_PASSWORD !== undefined) {
    const problem = await adminPasswordProblem(database, env.BATTLEMAP_ADMIN_PASSWORD);
    if (problem !== null) throw new CannotStart({ zh: `BATTLEMAP_ADMIN_PASSWORD 被拒绝：${problem.zh}`, en: `BATTLEMAP_ADMIN_PASSWORD is refused: ${problem.en}` });
    return env.BATTLEMAP_ADMIN_PASSWORD;
  }
  if (!process.stdin.isTTY) {
    throw new CannotStart({
      zh: '首次启动：数据库中还没有账号。请把 BATTLEMAP_ADMIN_PASSWORD 设为管理员“admin”的密码，或在终端中启动一次 Battlemap，按提示设置密码',
      en: 'First start: the database has no accounts yet. Set BATTLEMAP_ADMIN_PASSWORD to the password of the administrator "admin", or start Battlemap once from a terminal to be asked for it.',
    });
  }
  console.log(startLine({ zh: '首次启动：数据库中还没有账号。请设置管理员“admin”的密码', en: 'First start: the database has no accounts yet. Choose the password of the administrator "admin".' }));
  for (;;) {
    const password = await askPassword('密码 / Password: ');
    const problem = await adminPasswordProblem(database, password);
    if (problem !== null) {
      console.log(startLine(problem));
      continue;
    }
    if ((await askPassword('再输一次 / Again: ')) === password) return password;
    console.log(startLine({ zh: '两次输入的密码不同，请再输一次', en: 'The two passwords differ; once more.' }));
  }
}

/**
 * What a start puts into a database that lacks it. The demo campaign goes
 * only into an empty one, with neither accounts nor a campaign (never with
 * NODE_ENV=production or SEED_DEMO=false): a production install started
 * once without NODE_ENV=production has its administrator and its units but
 * no campaign yet, and the demo's units and accounts would collide with
 * them. A database without accounts gets the campaign office and its
 * administrator; one with accounts is served as it is.
 */
export async function fillFirstStart(database: Database, env: Env, clock: Clock): Promise<void> {
  const demoWanted = env.SEED_DEMO && env.NODE_ENV !== 'production';
  const accounts = await hasUsers(database);
  if (!accounts && demoWanted && !(await hasCampaign(database))) {
    const started = performance.now();
    await seedDemoCampaign(database, { now: clock(), hashPassword, password: env.DEMO_PASSWORD });
    const ms = Math.round(performance.now() - started);
    console.log(startLine({ zh: `已生成演示专项行动，用时 ${ms} 毫秒`, en: `Seeded the demo campaign in ${ms} ms.` }));
    return;
  }
  if (!accounts) {
    await createFirstAdmin(database, await firstAdminPassword(database, env), clock());
    console.log(
      startLine({
        zh: `首次启动：已创建专项办和管理员“${firstAdmin}”。请以 ${firstAdmin} 登录，添加单位和人员（其中要有专项办的账号）；再由专项办创建专项行动`,
        en: `First start: created the campaign office and the administrator "${firstAdmin}". Sign in as ${firstAdmin} to add units and people (an office account among them); the office then creates the campaign.`,
      }),
    );
    return;
  }
  if (demoWanted && !(await hasCampaign(database))) console.log(startLine({ zh: '未生成演示专项行动：数据库中已有自己的账号', en: 'The demo campaign is not seeded: the database has accounts of its own.' }));
  // Read on a first start only: left in a service's environment, it is a password kept in the clear for nothing.
  if (env.BATTLEMAP_ADMIN_PASSWORD !== undefined) {
    console.log(
      startLine({
        zh: '设置了 BATTLEMAP_ADMIN_PASSWORD，但账号已存在，因此没有读取它：请把它从环境变量中删除',
        en: 'BATTLEMAP_ADMIN_PASSWORD is set but the accounts exist, so it was not read: remove it from the environment.',
      }),
    );
  }
}
