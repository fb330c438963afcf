import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import { createHash } from 'node:crypto';
import { idempotencyHeader, idParam } from '../contracts/common';
import { caseNumberHolders, caseNumberQuery, clueParts, duplicatesAnswer, duplicatesRequest, importPlan, importProgress, importQuery, importTemplateQuery, progressParam } from '../contracts/intake';
import { ApiError, queryRefused } from '../errors';
import { importBodyTypes, xlsxType } from '../middleware/security';
import { ImportProgressBoard } from '../services/import/import-progress';
import { readImportFile } from '../services/import/import-file';
import type { TableReader } from '../services/import/table-reader';
import { commitImport, previewImport, type ImportResult } from '../services/import/import-clues';
import { keptAnswer, onceOf } from '../services/idempotency';
import { importFields, type Mapping } from '../services/import/import-columns';
import type { DuplicateRule, MergeChoices } from '../services/import/import-merges';
import { importTemplate } from '../services/import/import-template';
import { z } from 'zod';
import { viewerOf } from '../middleware/viewer';
import { cluePartsOf } from '../services/clue-parts';
import { findDuplicates } from '../services/duplicates';
import { loadCampaignRules } from '../services/campaign-rules';
import { readItem } from '../services/item-card';
import { caseNumberHolders as holdersOf } from '../services/same-case-number';
import type { Clock } from '../clock';
import { json, problems, router } from './kit';

const mappingSchema = z.partialRecord(z.enum(importFields), z.string().max(200).nullable());

function mappingOf(text: string | undefined): Mapping | undefined {
  if (text === undefined) return undefined;
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: refused below with the same answer as JSON of the wrong shape.
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    throw queryRefused('mapping', { zh: '列对应关系应为 JSON 对象：字段 → 列名', en: 'mapping must be a JSON object of field → column header' });
  }
  return parsed.data;
}

const mergesSchema = z.record(z.string().regex(/^[1-9]\d{0,6}$/), z.union([z.number().int().positive(), z.literal('skip')]).nullable());

/** `merges`: JSON object of spreadsheet row → the existing clue that row's new clue merges into, null to keep it new, or "skip". */
function mergesOf(text: string | undefined): MergeChoices {
  if (text === undefined) return new Map();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: refused below.
  }
  const parsed = mergesSchema.safeParse(json);
  if (!parsed.success) {
    throw queryRefused('merges', { zh: '重复行的处理应为 JSON 对象：行号 → 线索编号、null（作为新线索）或 "skip"（跳过）', en: 'merges must be a JSON object of row number → clue id, null (a new clue) or "skip" (not imported)' });
  }
  return new Map(Object.entries(parsed.data).map(([row, clueId]) => [Number(row), clueId]));
}

/** The rule for the duplicate rows `merges` does not name: `duplicates`, or its older spelling mergeEarliest=true. */
function duplicateRuleOf(query: { duplicates?: DuplicateRule | undefined; mergeEarliest: boolean }): DuplicateRule {
  if (!query.mergeEarliest) return query.duplicates ?? 'keep';
  // Both said and at odds: which was meant is not for the server to guess.
  if (query.duplicates !== undefined && query.duplicates !== 'merge') {
    throw queryRefused('duplicates', { zh: `mergeEarliest=true 表示全部并入，与 duplicates=${query.duplicates} 矛盾`, en: `mergeEarliest=true means merge, at odds with duplicates=${query.duplicates}` });
  }
  return 'merge';
}

/** Clue intake: duplicate detection on create and for an existing clue; bulk import of CSV and XLSX files. */
export function intakeRoutes(database: Database, clock: Clock, readTable: TableReader) {
  const progress = new ImportProgressBoard();
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/imports',
        tags: ['intake'],
        request: {
          params: idParam,
          query: importQuery,
          headers: idempotencyHeader,
          body: { required: true, content: Object.fromEntries(importBodyTypes.map((t) => [t, { schema: z.string() }])) },
        },
        responses: {
          200: json(importPlan, 'The check of every row (commit=false), or the import done (commit=true)'),
          ...problems(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        const mapping = mappingOf(query.mapping);
        const merges = mergesOf(query.merges);
        const duplicates = duplicateRuleOf(query);
        const { progressId } = query;
        const onProgress = progressId === undefined ? undefined : (p: z.infer<typeof importProgress>) => progress.report(progressId, viewer.actor.userId, p);
        // Known from the moment the request is, before its file has arrived: the page asks as soon as it has sent the
        // last byte, and the first answer was a 404 (logged by the browser as an error) whenever it asked before the
        // file was read.
        onProgress?.({ stage: 'checking', done: 0, total: 0 });
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const read = await readImportFile(bytes, readTable, c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === xlsxType);
        // Said as the reason too: a script or the command line shows the reason alone ("the request is malformed").
        if ('refused' in read) throw new ApiError('bad_request', { fields: [{ field: '(body)', message: read.refused }], reason: read.refused });
        const { table } = read;
        // A merge names a data row of this file (its number as the preview gave it): one that is not is a mistake, not a merge to skip.
        const dataRows = new Set(table.rowNumbers);
        const strayRow = [...merges.keys()].find((row) => !dataRows.has(row));
        if (strayRow !== undefined) {
          throw queryRefused('merges', { zh: `文件中没有第 ${strayRow} 行数据`, en: `The file has no data row ${strayRow}` });
        }
        if (!query.commit) return c.json(await previewImport(database, id, table, mapping, viewer.actor, clock(), onProgress), 200);
        // The same file with the same choices: a retry follows its progress under an id of its own, which is no part of it.
        const { progressId: _followedAs, ...choices } = query;
        const once = onceOf(viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, { ...choices, file: createHash('sha256').update(bytes).digest('hex') });
        const kept = await keptAnswer(database.db, once);
        if (kept !== null) return c.json(kept.answer as ImportResult, 200, { 'Idempotent-Replayed': 'true' });
        return c.json(await commitImport(database, id, table, mapping, viewer.actor, clock(), { onlyValid: query.onlyValid, merges, duplicates, once, ...(onProgress === undefined ? {} : { onProgress }) }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/imports/template',
        tags: ['intake'],
        request: { params: idParam, query: importTemplateQuery },
        responses: {
          200: {
            description: 'An XLSX workbook to fill in: the column names the import recognises, drop-down lists, instructions, and the units (those you may file to), categories and sources it accepts',
            content: { [xlsxType]: { schema: z.string() } },
          },
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { lang } = c.req.valid('query');
        const file = await importTemplate(database.db, c.req.valid('param').id, viewer.actor, lang);
        // An ASCII name for old clients, and the name in the user's language for the rest (RFC 6266).
        const named = lang === 'zh' ? '线索导入模板.xlsx' : 'Clue import template.xlsx';
        return c.body(file, 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="clue-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(named)}` });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/imports/progress/{progressId}',
        tags: ['intake'],
        request: { params: progressParam },
        responses: {
          200: json(importProgress, 'How far an import started with this progressId has come (in this server process)'),
          ...problems(400, 401, 404),
        },
      }),
      (c) => {
        const viewer = viewerOf(c);
        const known = progress.read(c.req.valid('param').progressId, viewer.actor.userId);
        if (known === null) throw new ApiError('not_found');
        return c.json(known, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/duplicates',
        tags: ['intake'],
        request: { params: idParam, body: { required: true, content: { 'application/json': { schema: duplicatesRequest } } } },
        responses: { 200: json(duplicatesAnswer, 'The identifiers in the text and the clues of the campaign (any unit) that share one'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        // A campaign that is not there is a 404 here as everywhere, not "no duplicates" in it.
        await loadCampaignRules(database.db, id);
        return c.json(await findDuplicates(database.db, id, c.req.valid('json').text, viewer.actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/clues/{id}/duplicates',
        tags: ['intake'],
        request: { params: idParam },
        responses: { 200: json(duplicatesAnswer, 'Other clues that share an identifier with this one'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        const clue = await readItem(database.db, 'clue', id, viewer.actor, clock());
        const context = clue.context as { title?: string; description?: string };
        return c.json(await findDuplicates(database.db, clue.campaignId, `${context.title ?? ''}\n${context.description ?? ''}`, viewer.actor, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/clues/{id}/case-number-holders',
        tags: ['intake'],
        request: { params: idParam, query: caseNumberQuery },
        responses: { 200: json(caseNumberHolders, 'The other clues of its campaign (any unit) filed under the case number, as a warning before this clue is filed under it'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        const clue = await readItem(database.db, 'clue', id, viewer.actor, clock());
        return c.json(await holdersOf(database.db, clue.campaignId, c.req.valid('query').caseNumber, viewer.actor, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/clues/{id}/parts',
        tags: ['intake'],
        request: { params: idParam },
        responses: { 200: json(clueParts, 'The clue and every clue merged into it, with the unit that found each and which found it first'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        // Reading the clue first applies the scope check.
        await readItem(database.db, 'clue', id, viewer.actor, clock());
        return c.json(await cluePartsOf(database.db, { id }, viewer.actor), 200);
      },
    );
}
