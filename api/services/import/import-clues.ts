import { insertRows } from '../../../db/bulk-insert';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../../db/client';
import { appendAudit, type AuditInput } from '../../../db/audit/append';
import { clueStore } from '../../../db/items/store';
import { campaigns, importedClues } from '../../../db/schema';
import { createClue, type Actor, type ClueRecord, type Identifier } from '../../../engine';
import { ApiError, queryRefused } from '../../errors';
import { itemRulesOf, loadCampaign } from '../campaign-rules';
import { onceIn, type Once } from '../idempotency';
import { letOthersIn } from '../let-others-in';
import { locateHeader, resolveMapping, type Mapping } from './import-columns';
import { duplicateOutcome, mergeCreated, type DuplicateRule, type MergeChoices } from './import-merges';
import { planImport, rowsBetweenTurns, type ImportPlan, type OnProgress, type RowIssue } from './import-plan';
import { quoteFaults, type Table } from './read-table';

/** Clues written between turns (some 60 ms of writing here): fewer, larger statements write faster, more of them leave reads waiting. */
const writesBetweenTurns = 500;

export async function previewImport(database: Database, campaignId: number, file: Table, chosen: Mapping | undefined, actor: Actor, now: Date, progress?: OnProgress): Promise<ImportPlan> {
  const table = locateHeader(file);
  const campaign = await loadCampaign(database.db, campaignId);
  const mapping = resolveMapping(table.headers, chosen, campaign.importMapping ?? null);
  const checked = (await planImport(database.db, campaign, table, mapping, actor, now, progress)).plan;
  progress?.({ stage: 'done', done: table.rows.length, total: table.rows.length });
  return checked;
}

export interface ImportResult extends ImportPlan {
  readonly batchId: string;
  readonly created: number;
  /** Created clues merged at once into the existing clue they duplicate. */
  readonly merged: number;
  /** Duplicate rows the importer chose to skip: nothing created for them. */
  readonly skippedDuplicates: number;
  /** Which rows those are, as the spreadsheet numbers them: for the answer to say what became of each duplicate row. */
  readonly skippedRows: number[];
  /** The rows whose clue was merged on creation, and the clue each went into. */
  readonly mergedRows: { row: number; into: number }[];
}

/**
 * Imports the file in one transaction: every row is validated first, and
 * nothing is written while any row is invalid unless `onlyValid` is set.
 * Each clue is created through the engine, with its own audit entry; all
 * entries of one import share a batch id. Rows whose source id was
 * imported before are skipped, so importing a file twice creates nothing
 * the second time; so are the duplicate rows chosen to be skipped (a
 * register without source ids imported again). The mapping is remembered
 * for the campaign.
 */
export async function commitImport(
  database: Database,
  campaignId: number,
  file: Table,
  chosen: Mapping | undefined,
  actor: Actor,
  now: Date,
  options: { onlyValid: boolean; merges?: MergeChoices; duplicates?: DuplicateRule; onProgress?: OnProgress; once?: Once | null },
): Promise<ImportResult> {
  const table = locateHeader(file);
  // With an Idempotency-Key, the answer is kept in the import's own transaction: a retry whose first answer was lost
  // (committed, then the network failed) gets that answer and imports nothing a second time.
  return database.write((tx) => onceIn(tx, options.once ?? null, 200, now, () => writeImport(tx, campaignId, table, chosen, actor, now, options)));
}

async function writeImport(
  tx: Tx,
  campaignId: number,
  table: ReturnType<typeof locateHeader>,
  chosen: Mapping | undefined,
  actor: Actor,
  now: Date,
  options: { onlyValid: boolean; merges?: MergeChoices; duplicates?: DuplicateRule; onProgress?: OnProgress },
): Promise<ImportResult> {
  const campaign = await loadCampaign(tx, campaignId);
  const mapping = resolveMapping(table.headers, chosen, campaign.importMapping ?? null);
  const { plan: checked, rows } = await planImport(tx, campaign, table, mapping, actor, now, options.onProgress);
  // A file not read as written (a quote never closed, or text after a closing one) is not imported in part: the rows read
  // after the quote may not be those its writer wrote.
  const [misquoted] = quoteFaults(table);
  if (misquoted !== undefined) {
    const row = misquoted.row;
    throw new ApiError('payload_invalid', {
      reason:
        misquoted.kind === 'unclosed'
          ? { zh: `第 ${row} 行的引号没有闭合，文件无法按原样读取，未导入任何线索`, en: `Row ${row} opens a quote that is never closed, so the file cannot be read as written; nothing was imported` }
          : { zh: `第 ${row} 行的引号位置有误（闭合的引号之后还有文字），文件无法按原样读取，未导入任何线索`, en: `Row ${row} has text after a closing quote, so the file cannot be read as written; nothing was imported` },
      extra: { plan: checked },
    });
  }
  if (checked.issues.length > 0 && !options.onlyValid) {
    throw new ApiError('payload_invalid', {
      reason: { zh: `有 ${checked.issues.length} 处错误，未导入任何线索`, en: `${checked.issues.length} ${checked.issues.length === 1 ? 'problem' : 'problems'} found; nothing was imported` },
      extra: { plan: checked },
    });
  }
  const rules = itemRulesOf(campaign);
  const batchId = randomUUID();
  const at = now.toISOString();
  let nextId = await clueStore.nextId(tx);
  const records: (ClueRecord & { identifiers: readonly Identifier[] })[] = [];
  const audit: AuditInput[] = [];
  const refs: (typeof importedClues.$inferInsert)[] = [];
  const refused: RowIssue[] = [];
  const createdOfRow = new Map<number, number>();
  const outcome = duplicateOutcome(checked.duplicates, options.merges ?? new Map(), options.duplicates ?? 'keep');
  // Only a duplicate row is skipped: a skip of any other (a choice from another file, a row since mended) would drop
  // a clue unsaid, so the import is refused with the row rather than made without it.
  const duplicateRows = new Set(checked.duplicates.map((d) => d.row));
  const straySkip = [...outcome.skipped].find((row) => !duplicateRows.has(row));
  if (straySkip !== undefined) {
    throw queryRefused('merges', { zh: `第 ${straySkip} 行不是疑似重复行，不能跳过`, en: `Row ${straySkip} is not a duplicate row, so it cannot be skipped` });
  }
  const skippedRows: number[] = [];
  for (const [index, row] of rows.entries()) {
    if (outcome.skipped.has(row.row)) {
      skippedRows.push(row.row);
      continue;
    }
    const input = { campaignId, unitId: row.unitId, assigneeId: row.assigneeId, fields: row.fields, ...(row.foundAt === undefined ? {} : { foundAt: row.foundAt }) };
    const created = createClue(nextId, input, actor, rules, now);
    if (!created.ok) {
      refused.push({ row: row.row, column: mapping.unit ?? '', reason: created.refusal.reason });
      continue;
    }
    records.push({ ...created.record, identifiers: row.identifiers });
    createdOfRow.set(row.row, nextId);
    audit.push({ at, actorId: actor.userId, campaignId, subject: 'clue', subjectId: nextId, event: created.event.type, fromState: null, toState: created.record.state, payload: { ...created.event, batchId, sourceRef: row.sourceRef }, version: 1, unitId: row.unitId, categoryId: row.fields.categoryId });
    if (row.sourceRef !== null) refs.push({ campaignId, sourceRef: row.sourceRef, clueId: nextId, batchId });
    nextId += 1;
    if (index % rowsBetweenTurns === 0 && index > 0) {
      options.onProgress?.({ stage: 'creating', done: index, total: rows.length });
      await letOthersIn();
    }
  }
  if (refused.length > 0 && !options.onlyValid) {
    throw new ApiError('role_forbidden', { reason: refused[0]?.reason ?? { zh: '无权导入', en: 'Not allowed to import' }, extra: { plan: { ...checked, issues: refused } } });
  }
  // Written in slices, each clue with its audit entry and source id, with a turn for other requests between slices.
  const slice = writesBetweenTurns;
  for (let i = 0; i < records.length; i += slice) {
    await clueStore.insertMany(tx, records.slice(i, i + slice), at);
    await appendAudit(tx, ...audit.slice(i, i + slice));
    options.onProgress?.({ stage: 'writing', done: Math.min(i + slice, records.length), total: records.length });
    await letOthersIn();
  }
  for (let i = 0; i < refs.length; i += 2000) await insertRows(tx, importedClues, refs.slice(i, i + 2000));
  const mergedRows = await mergeCreated(tx, createdOfRow, outcome.merges, actor, now, batchId, checked);
  await tx.update(campaigns).set({ importMapping: mapping }).where(eq(campaigns.id, campaignId));
  options.onProgress?.({ stage: 'done', done: records.length, total: records.length });
  return { ...checked, issues: [...checked.issues, ...refused], batchId, created: records.length, merged: mergedRows.length, skippedDuplicates: skippedRows.length, skippedRows, mergedRows };
}

