import fc from 'fast-check';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../test/support/api-client';
import { testDatabase } from '../test/support/test-database';

/**
 * Every route of the API description, sent what a careless client, a stale
 * page or a hostile one sends: ids that do not exist or are not ids, query
 * values of the wrong kind, bodies shaped like the route's own with fields
 * of the wrong type, missing or out of range, and bodies that are not JSON.
 * Whatever comes in, the server answers it (never 5xx), says what was wrong
 * in the one error model (problem+json with a code), and a refused request
 * changes nothing (the audit log, the items and the people stay as they
 * were). Found by it: an account edit naming no field was a 500.
 */

type Schema = {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
};
interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
}
interface ApiDescription {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let description: ApiDescription;
const sessions: Record<'office' | 'admin', Session | null> = { office: null, admin: null };
let keptAccounts: (typeof users.$inferSelect)[] = [];

beforeAll(async () => {
  database = await testDatabase({ clues: 30, problems: 5 });
  app = testApp(database);
  description = (await (await app.request('/api/openapi.json')).json()) as ApiDescription;
  keptAccounts = await database.db.select().from(users).where(inArray(users.username, ['office', 'admin']));
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

/**
 * Signed in as office and admin, as they were at the start: a request the
 * fuzzing sent may have validly reset, disabled or signed out one of them
 * (the administrator may reset their own password), which is not what this
 * test is about.
 */
async function signedIn(role: 'office' | 'admin'): Promise<Session> {
  const current = sessions[role];
  if (current !== null) {
    const me = await current.get('/api/session');
    if (me.status === 200 && ((await me.json()) as { mustChangePassword: boolean } | null)?.mustChangePassword === false) return current;
  }
  await restoreAccounts();
  return (sessions[role] = await signIn(app, role));
}

/** The office's and the administrator's accounts as they were: role, unit, password, enabled. */
async function restoreAccounts(): Promise<void> {
  await database.write(async (tx) => {
    for (const { id, ...row } of keptAccounts) await tx.update(users).set(row).where(eq(users.id, id));
  });
}

/** What a refused request must leave as it was. */
async function fingerprint(): Promise<unknown> {
  return database.db.get(sql`select
    (select count(*) || ':' || coalesce(max(seq), 0) from audit_log) as audit,
    (select count(*) || ':' || coalesce(sum(version), 0) from clues) as clues,
    (select count(*) || ':' || coalesce(sum(version), 0) from problems) as problems,
    (select count(*) from users) || ':' || (select count(*) from units) || ':' || (select count(*) from categories) as people,
    (select group_concat(state) from campaigns) as campaigns`);
}

const junkJson = fc.jsonValue({ maxDepth: 3 });
const wrongValue = fc.oneof(junkJson, fc.constantFrom<unknown>(null, '', -1, 0, 1.5, 1e308, 'x'.repeat(5_000), [], {}, true, '2026-13-45', '汉台'));

/** Values shaped like the schema, each field now and then of a wrong kind or left out. */
function near(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const resolved = schema?.$ref === undefined ? schema : description.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''];
  if (resolved === undefined || depth > 3) return junkJson;
  if (resolved.properties !== undefined) {
    const fields = Object.fromEntries(Object.entries(resolved.properties).map(([key, field]) => [key, fc.oneof({ weight: 3, arbitrary: near(field, depth + 1) }, { weight: 1, arbitrary: wrongValue })]));
    return fc.record(fields, { requiredKeys: [] });
  }
  const choices = resolved.anyOf ?? resolved.oneOf;
  if (choices !== undefined) return fc.oneof(...choices.map((choice) => near(choice, depth + 1)), wrongValue);
  if (resolved.enum !== undefined && resolved.enum.length > 0) return fc.oneof(fc.constantFrom(...resolved.enum), wrongValue);
  switch (resolved.type) {
    case 'array':
      return fc.array(near(resolved.items, depth + 1), { maxLength: 4 });
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -3, max: 40 }), wrongValue);
    case 'string':
      return fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-06-15T02:00:00.000Z', '2026-06-15', 'hantai', 'office', 'verifying'), wrongValue);
    case 'boolean':
      return fc.oneof(fc.boolean(), wrongValue);
    default:
      return wrongValue;
  }
}

/** A path segment: an id that exists (clues, problems, users, categories and the campaign start at 1), a name, or none at all. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '5', 'hantai', 'survey', 'crackdown', 'clues', 'responsibility') },
  { weight: 2, arbitrary: fc.constantFrom('31', '999999', '0', '-1', '1.5', '1e3', 'abc', '99999999999999999999', 'office', '%E6%B1%89', '%00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map(encodeURIComponent) },
);
const queryValue = fc.oneof(segment.map(decodeSafely), fc.string({ maxLength: 12 }));
/** Bodies every route must expect: empty, of the wrong kind, or not JSON at all. */
const edgeBody = fc.constantFrom('{}', '[]', '', 'null', '{', '{"version":', '[1,2', '"x"', '\u0000', '{"a":1}{');

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reached by other tests: signing in and out (whose inputs are a password), and the event stream, which stays open. */
const notHere = new Set(['post /session', 'delete /session', 'get /events']);

describe('bad input, on every route of the API description', () => {
  it('is answered with a problem+json that says what was wrong, never a server error, and changes nothing when refused', async () => {
    const operations = Object.entries(description.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThan(60);
    let refused = 0;
    const runs = Number(process.env.BAD_INPUT_RUNS ?? 12);
    for (const { path, method, operation } of operations) {
      if (notHere.has(`${method} ${path}`)) continue;
      await restoreAccounts();
      const role = path.startsWith('/admin') ? 'admin' : 'office';
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      interface Sent {
        readonly segments: readonly string[];
        readonly query: Partial<Record<string, string>>;
        readonly body: string;
      }
      const request: fc.Arbitrary<Sent> = fc.record({
        segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
        query: fc.record(Object.fromEntries(query.map((name) => [name, queryValue])), { requiredKeys: [] }),
        body: fc.oneof({ weight: 5, arbitrary: near(bodySchema).map((value) => JSON.stringify(value ?? null)) }, { weight: 2, arbitrary: edgeBody }),
      });
      // Fixed seeds: the same requests on every run, so that CI fails only for a change, never for a draw. First, for
      // every route, an empty body to items that exist (an edit naming no field).
      const seed = operations.findIndex((o) => o.path === path && o.method === method) + 1 + Number(process.env.BAD_INPUT_SEED ?? 0);
      const empty = ['1', '2'].map((id): Sent => ({ segments: [id, id, id], query: {}, body: '{}' }));
      // What the database held before each request: read again only after one that was answered (and may have changed it).
      let before = await fingerprint();
      for (const sample of [...empty, ...fc.sample(request, { numRuns: runs, seed })]) {
        const session = await signedIn(role);
        let n = 0;
        const url = new URL(`http://localhost/api${path.replace(/\{[^}]+\}/g, () => sample.segments[n++] ?? '1')}`);
        for (const [name, value] of Object.entries(sample.query)) if (value !== undefined) url.searchParams.set(name, value);
        const target = url.pathname + url.search;
        const response = await session.send(method.toUpperCase(), target, method === 'get' ? undefined : sample.body);
        const text = await response.text();
        const what = `${method.toUpperCase()} ${target} ${method === 'get' ? '' : sample.body.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
        expect(response.status, what).toBeLessThan(500);
        if (response.status < 400) {
          before = await fingerprint();
          continue;
        }
        refused += 1;
        expect(response.headers.get('content-type'), what).toContain('application/problem+json');
        expect((JSON.parse(text) as { code?: unknown }).code, what).toEqual(expect.any(String));
        expect(await fingerprint(), what).toEqual(before);
      }
    }
    // Most of what is sent is wrong somewhere: the test checks refusals, not only answers (at the usual 12 draws a
    // route, over 300; the pass against a libSQL server draws 6, see the sqld project in vite.config.ts).
    expect(refused).toBeGreaterThan(25 * runs);
    // Some 900 requests: on a libSQL server, under a full test run, it takes longer than the usual limit.
  }, 180_000);
});

describe('an id in a path', () => {
  it('is digits as the API writes them: a hexadecimal, exponent, padded or fractional spelling of an id is refused by field, not another address of the item', async () => {
    const office = await signedIn('office');
    expect((await office.get('/api/clues/16')).status).toBe(200);
    for (const spelled of ['0x10', '0b10000', '1e2', '%2016', '16%20', '016', '16.0', '+16', '-16', '0', '99999999999999999999']) {
      const response = await office.get(`/api/clues/${spelled}`);
      expect(response.status, spelled).toBe(400);
      const body = (await response.json()) as { fields: { field: string }[] };
      expect(body.fields.map((f) => f.field), spelled).toEqual(['param.id']);
    }
  });
});
