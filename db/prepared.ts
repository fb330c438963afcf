/**
 * A query drizzle builds once and then runs with placeholders, on the
 * connection object it is given each time: `on` is the database (a query
 * run outside transactions) or a write transaction (a query run by every
 * job committed in it).
 *
 * Drizzle builds a query's SQL anew on each run, walking every part of it
 * with class checks that cost more than SQLite running the statement: on a
 * move, building its reads was an eighth of its CPU time. A prepared query
 * belongs to the object it was prepared on, so the first one built is kept
 * and, for every other object, a copy of it pointed at that object's
 * connection (see {@link rebound}); the copy is kept per object and dropped
 * with it. Building the move's queries for each write transaction was still
 * about 7 % of the server's time under load.
 */
export function preparedOn<On extends object, Query extends object>(build: (on: On) => Query): (on: On) => Query {
  const built = new WeakMap<On, Query>();
  let first: Query | undefined;
  return (on) => {
    let query = built.get(on);
    if (query !== undefined) return query;
    if (first === undefined) query = first = build(on);
    else query = rebound(first, on) ?? build(on);
    built.set(on, query);
    return query;
  };
}

/**
 * Where a libSQL query runs: drizzle's session for a database object holds
 * the libSQL client and, inside a transaction, the libSQL transaction; a
 * prepared query copies both when it is built and runs through the
 * transaction if there is one. These two are the only things that tie a
 * prepared query to the object it was built on (its SQL, parameters and
 * row mapping are the same on any of them).
 */
interface Connection {
  client: unknown;
  tx: unknown;
}

function connectionOf(value: object): Connection | null {
  if (!('client' in value) || !('tx' in value)) return null;
  return { client: value.client, tx: value.tx };
}

/**
 * The query `first`, run on `on`'s connection instead: an object whose
 * prototype is `first`, with the client and transaction of `on`. Null (the
 * caller builds the query anew) if either does not hold them where drizzle
 * 0.45 keeps them, so a drizzle that moves them costs speed, not
 * correctness; `db/prepared.test.ts` notices it.
 */
function rebound<Query extends object>(first: Query, on: object): Query | null {
  const session: unknown = Reflect.get(on, 'session');
  if (typeof session !== 'object' || session === null) return null;
  const target = connectionOf(session);
  if (target === null || connectionOf(first) === null) return null;
  const query = Object.create(first) as Query;
  Object.assign(query, target);
  return query;
}
