import { describe, expect, it } from 'vitest';
import { loadEnv, mistakenSettings } from './env';

/** The one line loadEnv's refusal gives the variable, or the environment it read. */
function refusal(source: NodeJS.ProcessEnv): string {
  try {
    loadEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  return expect.unreachable('the environment was accepted');
}

describe('the environment at start', () => {
  it('takes PORT as a port number, and 8787 when unset', () => {
    expect(loadEnv({}).PORT).toBe(8787);
    expect(loadEnv({ PORT: '8861' }).PORT).toBe(8861);
    // Any free port, as the tests ask for.
    expect(loadEnv({ PORT: '0' }).PORT).toBe(0);
  });

  it('refuses PORT set but empty, naming it and why, rather than binding a port chosen at random', () => {
    expect(refusal({ PORT: '' })).toBe('环境变量有误 / Invalid environment:\n  PORT: 为空：请设为端口号（0–65535），或不设以使用 8787 / is empty: set it to a port number (0–65535), or unset it for 8787');
    expect(refusal({ PORT: ' ' })).toMatch(/^ {2}PORT: 为空：.* \/ is empty/m);
  });

  it('refuses a PORT that is no port number, naming it and why', () => {
    for (const wrong of ['abc', '80.5', '-1', '65536', '0x50']) {
      expect(refusal({ PORT: wrong }), wrong).toMatch(/^ {2}PORT: 不是端口号：请设为 0 到 65535 之间的数 \/ is not a port number: set it to one from 0 to 65535$/m);
    }
  });

  it('refuses DATABASE_URL=file: with no path, which SQLite would take for a temporary database of each connection', () => {
    expect(refusal({ DATABASE_URL: 'file:' })).toMatch(/^ {2}DATABASE_URL: file: 后没有路径：.* \/ file: has no path/m);
    expect(loadEnv({ DATABASE_URL: 'file:./data/battlemap.db' }).DATABASE_URL).toBe('file:./data/battlemap.db');
  });

  it('reads TRUST_PROXY as the proxies\' addresses, none when unset, and names one that is not an address', () => {
    expect(loadEnv({}).TRUST_PROXY).toEqual([]);
    expect(loadEnv({ TRUST_PROXY: '127.0.0.1, ::1' }).TRUST_PROXY).toEqual(['127.0.0.1', '::1']);
    expect(refusal({ TRUST_PROXY: '127.0.0.1,nginx' })).toMatch(/^ {2}TRUST_PROXY: “nginx”不是 IP 地址.* \/ "nginx" is not an IP address/m);
  });

  it('says a refusal zod words itself in both languages too, Chinese first', () => {
    expect(refusal({ SESSION_IDLE_MINUTES: '0' })).toBe('环境变量有误 / Invalid environment:\n  SESSION_IDLE_MINUTES: 不能小于 1 / Too small: expected number to be >=1');
    expect(refusal({ NODE_ENV: 'prod' })).toMatch(/^ {2}NODE_ENV: 应为以下之一：development、production、test \/ Invalid option: expected one of "development"\|"production"\|"test"$/m);
  });

  it('refuses BATTLEMAP_NOW in production in both languages, naming it', () => {
    expect(refusal({ NODE_ENV: 'production', BATTLEMAP_NOW: '2026-06-15T08:00:00Z' })).toBe(
      '环境变量有误 / Invalid environment:\n  BATTLEMAP_NOW: BATTLEMAP_NOW 会冻结时钟，NODE_ENV=production 时不能设置 / BATTLEMAP_NOW freezes the clock and is refused when NODE_ENV=production',
    );
  });

  it('says of a setting under a name Battlemap does not read (DATABASE_PATH) which one it reads, and starts all the same', () => {
    const source = { DATABASE_PATH: '/tmp/other.db', BATTLEMAP_PORT: '9000' };
    expect(mistakenSettings(source)).toEqual([
      'DATABASE_PATH 不是 Battlemap 的设置，已忽略：请改用 DATABASE_URL（如 DATABASE_URL=file:./data/battlemap.db） / DATABASE_PATH is no Battlemap setting and is ignored: use DATABASE_URL (such as DATABASE_URL=file:./data/battlemap.db)',
      'BATTLEMAP_PORT 不是 Battlemap 的设置，已忽略：请改用 PORT / BATTLEMAP_PORT is no Battlemap setting and is ignored: use PORT',
    ]);
    expect(loadEnv(source).PORT).toBe(8787);
    expect(mistakenSettings({ DATABASE_URL: 'file:./data/battlemap.db', PORT: '8787' })).toEqual([]);
  });
});
