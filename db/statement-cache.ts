import { createRequire } from 'node:module';

/** What this module needs of the native driver's statement (the `libsql` package): the settings @libsql/client asks on every execution. */
interface NativeStatement {
  safeIntegers(toggle?: boolean): NativeStatement;
  raw(toggle?: boolean): NativeStatement;
  columns(): unknown[];
}
interface NativeConnection {
  prepare(sql: string): NativeStatement;
}
interface NativeConnectionClass {
  readonly prototype: NativeConnection;
}

/** SQL longer than this is prepared each time: bulk inserts of a thousand rows would hold large texts for little gain. */
const longestCachedSql = 8_192;

/**
 * A select list with a star (`select *`, `t.*`). SQLite prepares a statement
 * again by itself after another connection changed the schema, but the
 * client reads a statement's column names before running it: a reused
 * `select *` would answer once under the old names. Such statements are
 * prepared each time; the project's queries name their columns.
 */
const starSelect = /(?:\bselect(?:\s+distinct)?|,)\s*(?:[\w"`]+\.)?\*/i;

const installed = Symbol.for('battlemap.statementCache');

/**
 * Statements reused and prepared since the process started, and how often
 * a kept statement's modes or columns were asked of the driver: a check
 * that the cache is in effect.
 */
export const statementCacheStats = { reused: 0, prepared: 0, askedDriver: 0 };

/**
 * Keeps each connection's prepared statements for reuse, most recently used
 * first, up to `capacity` per connection.
 *
 * @libsql/client prepares every statement anew on each execution with a
 * local file (its remote driver caches SQL; its embedded one does not), and
 * a move runs about ten statements: preparing them was a quarter of the
 * move's CPU time (moves in process 513 → 700 a second with reuse).
 *
 * Safe to reuse because the native driver resets a statement after every
 * `run`, `all` and `get`, including one that failed, and SQLite prepares a
 * statement again by itself when the schema has changed since (see
 * `starSelect` for the one kind of statement that is not kept); and because
 * the client runs a statement to its end synchronously, so one statement
 * is never in use twice at once. The cache is per connection: a statement
 * belongs to the connection that prepared it. Installed once per process,
 * on the driver class @libsql/client itself loads.
 */
export function cachePreparedStatements(capacity = 256): void {
  const Connection = driverClass();
  const proto = Connection.prototype as NativeConnection & { [installed]?: true };
  if (proto[installed] === true) return;
  const prepareAnew = proto.prepare;
  const caches = new WeakMap<NativeConnection, Map<string, NativeStatement>>();
  proto.prepare = function prepare(this: NativeConnection, sql: string): NativeStatement {
    let cache = caches.get(this);
    if (cache === undefined) caches.set(this, (cache = new Map()));
    const kept = cache.get(sql);
    if (kept !== undefined) {
      statementCacheStats.reused += 1;
      // Re-inserted: a Map keeps insertion order, so its first key is the least recently used.
      cache.delete(sql);
      cache.set(sql, kept);
      return kept;
    }
    statementCacheStats.prepared += 1;
    // Checked only for SQL not kept: a kept statement passed these checks when it was first prepared.
    if (sql.length > longestCachedSql || starSelect.test(sql)) return prepareAnew.call(this, sql);
    const statement = answeringFromMemory(prepareAnew.call(this, sql));
    cache.set(sql, statement);
    if (cache.size > capacity) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return statement;
  };
  proto[installed] = true;
}

/**
 * Before each execution @libsql/client sets the statement's integer and
 * raw modes and reads its column names twice; for a statement that returns
 * no rows (every write) the native `raw` throws, and the client catches
 * that to learn so. A kept statement answers all three from memory after
 * the first time: the modes stay as set, whether it returns rows is fixed
 * by its SQL, and its column names are those of its SQL's select list (a
 * star, whose columns change with the table, is never kept). Together
 * these were a tenth of a move's CPU time.
 */
function answeringFromMemory(statement: NativeStatement): NativeStatement {
  const native = { safeIntegers: statement.safeIntegers, raw: statement.raw, columns: statement.columns };
  let integersSafe: boolean | undefined;
  let rawMode: boolean | undefined;
  let returnsNoRows: unknown;
  let columns: unknown[] | undefined;
  statement.safeIntegers = function safeIntegers(toggle = true) {
    if (toggle !== integersSafe) {
      statementCacheStats.askedDriver += 1;
      native.safeIntegers.call(this, toggle);
      integersSafe = toggle;
    }
    return this;
  };
  statement.raw = function raw(toggle = true) {
    // The same error each time: building one captures a stack, which was most of the cost.
    if (returnsNoRows !== undefined) throw returnsNoRows;
    if (toggle !== rawMode) {
      statementCacheStats.askedDriver += 1;
      try {
        native.raw.call(this, toggle);
      } catch (error) {
        returnsNoRows = error;
        throw error;
      }
      rawMode = toggle;
    }
    return this;
  };
  statement.columns = function cachedColumns() {
    if (columns === undefined) {
      statementCacheStats.askedDriver += 1;
      columns = native.columns.call(this);
    }
    return columns;
  };
  return statement;
}

/** The `libsql` class @libsql/client opens connections with, resolved from where the client is installed. */
function driverClass(): NativeConnectionClass {
  const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
  return fromClient('libsql') as NativeConnectionClass;
}
