import { getTableColumns, sql, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './client';

/**
 * Inserts many rows through one bound parameter: the rows as a JSON array
 * of arrays, unpacked inside SQLite by `json_each`.
 *
 * Drizzle's multi-row INSERT builds and checks one bound parameter per
 * value; at tens of thousands of rows (an import) that cost more than SQLite
 * writing them. Values go through each column's own `mapToDriverValue`
 * (JSON columns become their JSON text), so what is stored is what drizzle's
 * insert would store. The columns are those of the first row; a value
 * missing from a later row is stored as NULL, not as the column's default
 * (a column none of the rows names gets its default).
 */
export async function insertRows<T extends SQLiteTable>(tx: Tx, table: T, rows: readonly InferInsertModel<T>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const values = driverValues(columns, rows);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // SQLite reads each row's JSON again for every `->>`, about a microsecond each: an import's
  // 50,000 clues and their audit entries had some 40 values a clue picked out that way, most of
  // them the same in every row (the campaign, the time, the actor, the state). Those are bound
  // once instead. Only for many rows: which columns are shared changes the statement's text,
  // and for a few rows (the entries of moves committed together) a statement prepared anew would
  // cost more than it saves.
  const shared = rows.length >= sharedFromRows ? columns.map((_, i) => sharedValue(values, i)) : [];
  const varying = columns.map((_, i) => i).filter((i) => shared[i] === undefined);
  const pickOf = new Map(varying.map((column, at) => [column, at]));
  // `->>` gives SQL values: text stays text, JSON numbers become integers or reals, null NULL.
  const picks = sql.join(
    columns.map((_, i) => {
      const one = shared[i];
      return one === undefined ? sql.raw(`value ->> '$[${pickOf.get(i)}]'`) : sql`${one.value}`;
    }),
    sql`, `,
  );
  const varyingValues = varying.length === columns.length ? values : values.map((row) => varying.map((i) => row[i]));
  await tx.run(sql`insert into ${table} (${names}) select ${picks} from json_each(${JSON.stringify(varyingValues)}) order by key`);
}

/** Rows from which a value they all share is bound once rather than picked from each row (see insertRows). */
const sharedFromRows = 100;

/** The value every row has in the column, if they all have the same one (text, a number or null). */
function sharedValue(values: readonly unknown[][], column: number): { value: string | number | null } | undefined {
  const value = values[0]?.[column];
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') return undefined;
  return values.every((row) => row[column] === value) ? { value } : undefined;
}

type ColumnEntry = [string, ReturnType<typeof getTableColumns>[string]];

/** Each row's values for the given columns, as the columns store them (null for a value the row does not have). */
function driverValues(columns: readonly ColumnEntry[], rows: readonly object[]): unknown[][] {
  return rows.map((row) =>
    columns.map(([key, column]) => {
      const value: unknown = (row as Record<string, unknown>)[key];
      return value === undefined || value === null ? null : column.mapToDriverValue(value);
    }),
  );
}
