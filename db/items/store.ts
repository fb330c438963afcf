import { and, eq, getTableName, inArray, max, sql } from 'drizzle-orm';
import type { ClueContext, ClueState, ItemRecord, ProblemContext, ProblemState } from '../../engine';
import { insertRows } from '../bulk-insert';
import type { Db, Tx } from '../client';
import { preparedOn } from '../prepared';
import { clueIdentifiers, clues, escalations, problems, users } from '../schema';
import { extractIdentifiers, type Identifier } from '../../engine/intake/identifiers';

type Reader = Db | Tx;

/** The columns the board filters and sorts on, copied from the machine context in one place. */
/** The columns of an item's row that copy a field of its context (the board, the filters and the access checks read them), as stored. */
export function columnsOf(context: ClueContext | ProblemContext) {
  return {
    campaignId: context.campaignId,
    unitId: context.unitId,
    categoryId: context.categoryId,
    assigneeId: context.assigneeId,
    title: context.title,
    foundAt: 'foundAt' in context ? context.foundAt : context.identifiedAt,
    enteredAt: context.enteredAt,
    dueAt: context.dueAt,
    lastNoteAt: context.lastNoteAt ?? null,
    attachmentCount: context.attachments?.length ?? 0,
    extensionAskedUntil: context.extensionRequest?.until ?? null,
  };
}

/** The columns copied from the context that a change may leave as they were. */
type ItemColumn = keyof ReturnType<typeof columnsOf>;
const itemColumns: readonly ItemColumn[] = ['campaignId', 'unitId', 'categoryId', 'assigneeId', 'title', 'foundAt', 'enteredAt', 'dueAt', 'lastNoteAt', 'attachmentCount', 'extensionAskedUntil'];

/** An item as a change reads it: with whether an escalation of it stands open, and its assignee's name. */
export type ForChange<State extends string, Context> = ItemRecord<State, Context> & { readonly openEscalations: boolean; readonly assigneeName: string | null };

/** One stored change: the item as read (its context before) and as decided, if still at the version it was decided on. */
export interface ItemUpdate<State extends string, Context> {
  readonly id: number;
  readonly expectedVersion: number;
  readonly before: Context;
  readonly next: Omit<ItemRecord<State, Context>, 'id'>;
  readonly at: string;
}

/** The identifier rows of a clue: those found in its title and description, or those the caller found there already. */
export function identifierRows(id: number, context: ClueContext | ProblemContext, found?: readonly Identifier[]) {
  return (found ?? extractIdentifiers(`${context.title}\n${context.description}`)).map((i) => ({ clueId: id, campaignId: context.campaignId, kind: i.kind, value: i.value }));
}

/** Rewrites a clue's identifiers from its text, in the caller's transaction. */
async function syncIdentifiers(tx: Tx, id: number, context: ClueContext | ProblemContext): Promise<void> {
  await tx.delete(clueIdentifiers).where(eq(clueIdentifiers.clueId, id));
  const rows = identifierRows(id, context);
  if (rows.length > 0) await tx.insert(clueIdentifiers).values(rows);
}

/**
 * Reading and writing one kind of item. The two tables share every column
 * but the state's enum and the context's type; the `never` casts bridge
 * that union, and the engine guarantees each state belongs to its kind.
 */
function storeFor<State extends string, Context extends ClueContext | ProblemContext>(table: typeof clues | typeof problems, subject: 'clue' | 'problem') {
  // The escalations a move settles: those still open or acknowledged (see resolveMovedOn).
  const openEscalation = sql<number>`exists (select 1 from ${escalations} where ${and(
    eq(escalations.subject, subject),
    eq(escalations.subjectId, table.id),
    inArray(escalations.status, ['open', 'acknowledged']),
  )})`;
  // The items a change reads, by id (one for a move alone, many for moves stored together).
  const manyForChange = preparedOn((tx: Tx) =>
    tx
      .select({ id: table.id, state: table.state, context: table.context, version: table.version, openEscalations: openEscalation, assigneeName: users.displayName })
      .from(table)
      .leftJoin(users, eq(users.id, table.assigneeId))
      .where(sql`${table.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  );
  /** The items of the given ids as a change reads them, by id, in one read; an id not found is left out. */
  async function loadManyForChange(tx: Tx, ids: readonly number[]): Promise<Map<number, ForChange<State, Context>>> {
    const rows = await manyForChange(tx).all({ ids: JSON.stringify(ids) });
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, state: row.state as State, context: row.context as Context, version: row.version, openEscalations: Boolean(row.openEscalations), assigneeName: row.assigneeName },
      ]),
    );
  }

  // The UPDATE for each set of changed columns, as SQL text before and after its one parameter, built once.
  const updateTexts = new Map<string, { head: string; tail: string }>();
  const updateText = (changing: readonly ItemColumn[]) => {
    const name = (column: { name: string }) => `"${column.name}"`;
    const qualified = (column: { name: string }) => `"${getTableName(table)}".${name(column)}`;
    const sets = [table.state, table.version, table.context, table.updatedAt, ...changing.map((key) => table[key])].map((column, i) => `${name(column)} = j.value ->> '$[${i + 2}]'`);
    return {
      head: `update "${getTableName(table)}" set ${sets.join(', ')} from json_each(`,
      tail: `) as j where ${qualified(table.id)} = j.value ->> '$[0]' and ${qualified(table.version)} = j.value ->> '$[1]'`,
    };
  };

  /**
   * Stores changes with one statement, each only if its item is still at
   * the version it was decided on; returns how many were stored. Only the
   * columns some change alters are set: SQLite rewrites the entries of every
   * index on a column its SET names, changed or not, and a move changes an
   * item's state and deadline, seldom its unit or category, never its title
   * (a note sets only its last-note time, which no index holds).
   * An item must appear once: of two rows for one item, SQLite applies one.
   */
  async function storeChanges(tx: Tx, updates: readonly ItemUpdate<State, Context>[]): Promise<number> {
    // Each change with its board columns before and after, worked out once.
    const changes = updates.map((change) => ({ change, before: columnsOf(change.before), after: columnsOf(change.next.context) }));
    const changing = itemColumns.filter((key) => changes.some(({ before, after }) => before[key] !== after[key]));
    const signature = changing.join();
    let text = updateTexts.get(signature);
    if (text === undefined) updateTexts.set(signature, (text = updateText(changing)));
    // One array per item, in the order of the SET; the context as its column stores it (JSON text).
    const values = changes.map(({ change: { id, expectedVersion, next, at }, after }) => [
      id,
      expectedVersion,
      next.state,
      next.version,
      table.context.mapToDriverValue(next.context as never),
      at,
      ...changing.map((key) => after[key]),
    ]);
    const { rowsAffected } = await tx.run(sql`${sql.raw(text.head)}${JSON.stringify(values)}${sql.raw(text.tail)}`);
    return rowsAffected;
  }

  return {
    /** The item as the engine needs it, or null. */
    async load(db: Reader, id: number): Promise<ItemRecord<State, Context> | null> {
      const [row] = await db
        .select({ id: table.id, state: table.state, context: table.context, version: table.version })
        .from(table)
        .where(eq(table.id, id))
        .limit(1);
      return row === undefined ? null : { id: row.id, state: row.state as State, context: row.context as Context, version: row.version };
    },

    /**
     * The item as a change needs it, inside the write transaction, and
     * whether any of its escalations stands open: most items have none, and
     * then a move has none to settle. With its assignee's name, which the
     * answer to a move that keeps the assignee shows without another read.
     */
    async loadForChange(tx: Tx, id: number): Promise<ForChange<State, Context> | null> {
      return (await loadManyForChange(tx, [id])).get(id) ?? null;
    },

    loadManyForChange,

    async insert(tx: Tx, record: ItemRecord<State, Context>, at: string): Promise<void> {
      await tx.insert(table).values({
        id: record.id,
        state: record.state as never,
        version: record.version,
        context: record.context as never,
        updatedAt: at,
        ...columnsOf(record.context),
      });
      if (table === clues) await syncIdentifiers(tx, record.id, record.context);
    },

    /**
     * Inserts many new items at once (an import), with their identifiers, in
     * the caller's transaction. Identifiers the caller already found in a
     * clue's text are stored as given rather than found again.
     */
    async insertMany(tx: Tx, records: readonly (ItemRecord<State, Context> & { identifiers?: readonly Identifier[] })[], at: string): Promise<void> {
      for (let i = 0; i < records.length; i += 1000) {
        const chunk = records.slice(i, i + 1000);
        await insertRows(
          tx,
          table,
          chunk.map((record) => ({ id: record.id, state: record.state as never, version: record.version, context: record.context as never, updatedAt: at, ...columnsOf(record.context) })),
        );
      }
      if (table !== clues) return;
      const identifiers = records.flatMap((record) => identifierRows(record.id, record.context, record.identifiers));
      for (let i = 0; i < identifiers.length; i += 2000) await insertRows(tx, clueIdentifiers, identifiers.slice(i, i + 2000));
    },

    /**
     * Stores a decision if the item is still at the version it was decided
     * on; returns false (and writes nothing) if someone else moved it first.
     */
    async update(tx: Tx, change: ItemUpdate<State, Context>, textChanged = false): Promise<boolean> {
      const stored = (await storeChanges(tx, [change])) === 1;
      // Only an edit changes a clue's text; moves leave its identifiers as they are.
      if (stored && textChanged && table === clues) await syncIdentifiers(tx, change.id, change.next.context);
      return stored;
    },

    /**
     * {@link update} for many items with one statement (moves committed
     * together; none an edit of the text). Returns how many were stored:
     * fewer than given means someone else moved one first, and the caller
     * must not keep the rest.
     */
    updateMany: storeChanges,

    /** The next id; read inside the write transaction, so it is never handed out twice. */
    async nextId(tx: Tx): Promise<number> {
      const [row] = await tx.select({ top: max(table.id) }).from(table);
      return (row?.top ?? 0) + 1;
    },
  };
}

export const clueStore = storeFor<ClueState, ClueContext>(clues, 'clue');
export const problemStore = storeFor<ProblemState, ProblemContext>(problems, 'problem');
