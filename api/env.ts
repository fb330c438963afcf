import { z } from 'zod';
import { zhIssueText } from '../engine/issue-text';
import { trustedProxiesOf } from './auth/client-address';
import { defaultDatabaseUrl } from '../db/database-url';
import { operatorLine } from '../db/operator-line';

/**
 * A refusal as the start says it, Chinese then English, as the command-line tools say theirs. The schema's own
 * messages are written so: a schema's message wins over any error map, and the one the parse is given (see loadEnv)
 * words zod's own the same way.
 */
const said = operatorLine;

const notAPort = said({ zh: '不是端口号：请设为 0 到 65535 之间的数', en: 'is not a port number: set it to one from 0 to 65535' });

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * A port number in decimal digits. Not `z.coerce.number()`, which reads a
 * PORT set but empty as 0 (and so a port the system picks at random, the
 * server then found nowhere it was expected) and `0x50` as 80.
 */
const port = z
  .string()
  .trim()
  .min(1, { message: said({ zh: '为空：请设为端口号（0–65535），或不设以使用 8787', en: 'is empty: set it to a port number (0–65535), or unset it for 8787' }), abort: true })
  .regex(/^\d+$/, notAPort)
  .transform(Number)
  .pipe(z.number().max(65535, notAPort));

/** A libSQL URL; a `file:` one names its file (SQLite takes an empty path for a temporary database of each connection, lost at once). */
const databaseUrl = z
  .string()
  .min(1)
  .refine(
    (url) => !/^file:(\/\/(localhost)?)?([?#]|$)/.test(url),
    said({ zh: 'file: 后没有路径：请写明数据库文件，如 file:./data/battlemap.db', en: 'file: has no path: name the database file, such as file:./data/battlemap.db' }),
  );

/** Every environment variable Battlemap reads, validated once at start-up. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(8787),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: databaseUrl.default(defaultDatabaseUrl),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    DEMO_PASSWORD: z.string().min(1).default('battlemap'),
    /** The administrator's password on a first start without demo data (else asked on the terminal). */
    BATTLEMAP_ADMIN_PASSWORD: z.string().min(1).optional(),
    /** Freezes "now" for the whole server (demos and tests). Refused in production. */
    BATTLEMAP_NOW: z.iso.datetime({ offset: true }).optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(240),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    /** How long a wall display stays signed in (a read-only account that ticked "wall display" at sign-in). */
    SESSION_DISPLAY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Set when Battlemap is served over https (directly or behind a proxy): session cookies become Secure. */
    SECURE_COOKIES: flag.optional(),
    /**
     * The reverse proxies whose X-Forwarded-For is believed (comma-separated IP addresses): the login limits then count
     * the address each sign-in came from, not the proxy's, which every sign-in shared.
     */
    TRUST_PROXY: z
      .string()
      .transform((value, context) => {
        const read = trustedProxiesOf(value);
        if (read.ok) return read.addresses;
        context.addIssue({
          code: 'custom',
          message: said({
            zh: `“${read.wrong}”不是 IP 地址（TRUST_PROXY 列出反向代理的地址，如 127.0.0.1）`,
            en: `"${read.wrong}" is not an IP address (TRUST_PROXY lists the reverse proxies' addresses, e.g. 127.0.0.1)`,
          }),
        });
        return z.NEVER;
      })
      .default([]),
    LOG_REQUESTS: flag.default(true),
    /** How often the deadline sweep runs; it also runs once at start. */
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** How often due webhook deliveries are attempted. */
    WEBHOOK_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    /**
     * False holds every webhook delivery (queued, not sent): a copy of the bureau's database started for training or
     * to look ahead in time keeps the campaign's webhook, and would tell the bureau's messaging of its escalations.
     */
    SEND_WEBHOOKS: flag.default(true),
    /** Seed the demo campaign when the database holds no campaign yet. */
    SEED_DEMO: flag.default(true),
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.BATTLEMAP_NOW !== undefined), {
    path: ['BATTLEMAP_NOW'],
    message: said({ zh: 'BATTLEMAP_NOW 会冻结时钟，NODE_ENV=production 时不能设置', en: 'BATTLEMAP_NOW freezes the clock and is refused when NODE_ENV=production' }),
  });

export type Env = z.infer<typeof envSchema>;

const zodChinese = z.locales.zhCN();
const zodEnglish = z.locales.en();

const textOf = (worded: ReturnType<z.core.$ZodErrorMap>): string | undefined => (typeof worded === 'string' ? worded : (worded?.message ?? undefined));

/** Zod's own refusals (a number out of range, a value not among the allowed), in both languages: the engine's plain Chinese where it has it. */
const bothLanguages: z.core.$ZodErrorMap = (issue) => {
  const en = textOf(zodEnglish.localeError(issue)) ?? 'Invalid input';
  return said({ zh: zhIssueText(issue) ?? textOf(zodChinese.localeError(issue)) ?? en, en });
};

/**
 * Names people give a setting that Battlemap calls otherwise, with the one it reads: set, they change nothing, and a
 * server started with DATABASE_PATH=/tmp/x.db opened its default database without a word (two testers and I did so).
 */
const mistakenNames: Readonly<Record<string, keyof Env>> = {
  DATABASE_PATH: 'DATABASE_URL',
  DATABASE_FILE: 'DATABASE_URL',
  DB_PATH: 'DATABASE_URL',
  DB_URL: 'DATABASE_URL',
  DB_FILE: 'DATABASE_URL',
  LIBSQL_URL: 'DATABASE_URL',
  BATTLEMAP_PORT: 'PORT',
  BATTLEMAP_HOST: 'HOST',
  BATTLEMAP_DATABASE_URL: 'DATABASE_URL',
};

/** What the start says of each such name set (it starts all the same): which setting Battlemap reads instead. */
export function mistakenSettings(source: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(mistakenNames)
    .filter(([name]) => source[name] !== undefined)
    .map(([name, meant]) =>
      said({
        zh: `${name} 不是 Battlemap 的设置，已忽略：请改用 ${meant}${meant === 'DATABASE_URL' ? '（如 DATABASE_URL=file:./data/battlemap.db）' : ''}`,
        en: `${name} is no Battlemap setting and is ignored: use ${meant}${meant === 'DATABASE_URL' ? ' (such as DATABASE_URL=file:./data/battlemap.db)' : ''}`,
      }),
    );
}

/** Reads the environment, or explains exactly which variable is wrong and stops: a line each, in both languages. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source, { error: bothLanguages });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`环境变量有误 / Invalid environment:\n${lines.join('\n')}`);
}
