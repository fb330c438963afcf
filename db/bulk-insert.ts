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
  // `->>` gives SQL values: text stays text, JSON numbers become integers or reals, null NULL.
  const picks = sql.raw(columns.map((_, i) => `value ->> '$[${i}]'`).join(', '));
  await tx.run(sql`insert into ${table} (${names}) select ${picks} from json_each(${JSON.stringify(values)}) order by key`);
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
