/**
 * A query drizzle builds once per connection object and then runs with
 * placeholders: `on` is the database (a query run outside transactions) or
 * one write transaction (a query run by every job committed in it).
 *
 * Drizzle builds a query's SQL anew on each run, walking every part of it
 * with class checks that cost more than SQLite running the statement: on a
 * move, building its reads was an eighth of its CPU time. A prepared query
 * belongs to the object it was prepared on (a transaction's runs inside that
 * transaction), so it is kept per object and dropped with it; the write
 * queue commits moves queued together in one transaction, and they share
 * the queries built for the first.
 */
export function preparedOn<On extends object, Query>(build: (on: On) => Query): (on: On) => Query {
  const built = new WeakMap<On, Query>();
  return (on) => {
    let query = built.get(on);
    if (query === undefined) built.set(on, (query = build(on)));
    return query;
  };
}
