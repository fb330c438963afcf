import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { unitTreeOnce } from '../auth/unit-scope';
import type { Clock } from '../clock';
import { idempotencyHeader, idParam } from '../contracts/common';
import { itemDetail } from '../contracts/items';
import { reportQuery } from '../contracts/report';
import { typicalCases, typicalRequest, typicalWithdrawal } from '../contracts/typical-cases';
import { xlsxType } from '../middleware/security';
import { viewerOf } from '../middleware/viewer';
import { loadCampaign } from '../services/campaign-rules';
import { applyRequests } from '../services/move-item';
import { typicalCasesOf } from '../services/typical-cases';
import { typicalCasesTable } from '../services/typical-cases-export';
import { tableCsv, tableXlsx } from '../services/export-table';
import { exportNames, exportScope, spanFileName } from '../services/export-names';
import { auditStamp } from '../../db/audit/head';
import type { TypicalCases } from '../contracts/typical-cases';
import { minuteOf, SharedAnswers } from '../services/shared-answers';
import { itemRetry, replayed } from './item-retries';
import { json, problems, router } from './kit';

/**
 * Typical cases (典型案例): the campaign's fourth persistence, "publicise
 * typical cases". A unit lead or the office chooses a solved clue, with the
 * summary that may be published; the register lists those chosen in a span.
 */
export function typicalCaseRoutes(database: Database, clock: Clock) {
  const { db } = database;
  // Every wall screen and open battle map reads the campaign's register after each change: one read serves them all.
  const shared = new SharedAnswers<TypicalCases>();
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/clues/{id}/typical',
        tags: ['clues'],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: typicalRequest } } } },
        responses: { 200: json(itemDetail, 'Chosen as a typical case, or its summary revised; the clue keeps its state'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, summary } = body;
        const moves = [{ event: 'clue.markTypical', payload: { summary } }];
        return c.json(await applyRequests(database, 'clue', c.req.valid('param').id, viewer.actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/clues/{id}/typical/withdraw',
        tags: ['clues'],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: typicalWithdrawal } } } },
        responses: { 200: json(itemDetail, 'No longer a typical case; the summary stays in its history'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, reason } = body;
        const moves = [{ event: 'clue.unmarkTypical', payload: { reason } }];
        return c.json(await applyRequests(database, 'clue', c.req.valid('param').id, viewer.actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/typical-cases',
        tags: ['reports'],
        request: { params: idParam, query: reportQuery },
        responses: {
          200: {
            description:
              'The typical cases chosen in a phase, a date range or the whole campaign and not withdrawn by its end, of one unit and those below it (`unit`) or one crime category (`category`); as JSON, CSV or XLSX',
            content: { 'application/json': { schema: typicalCases }, 'text/csv': { schema: z.string() }, [xlsxType]: { schema: z.string() } },
          },
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        // A register for publication, like the report: every role may read it.
        viewerOf(c);
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        const now = clock();
        const campaign = await loadCampaign(db, id);
        const unitTree = unitTreeOnce(db);
        const question = JSON.stringify([id, query.phase ?? null, query.from ?? null, query.to ?? null, query.asOf ?? null, query.unit ?? null, query.category ?? null]);
        // As the flow's: the log (a choice, a withdrawal, a merge, a clue's title or outcome edited), the minute (the span's
        // end, now), and for a branch its unit tree (a unit made under it brings its cases at once).
        const state = `${await auditStamp(db)}@${minuteOf(now)}@${query.unit === undefined ? '' : JSON.stringify(await unitTree())}`;
        const found = await shared.answer(question, state, () => typicalCasesOf(db, campaign, query, now, unitTree));
        if (query.format === 'json') return c.json(found, 200);
        const names = await exportNames(db, id);
        const table = typicalCasesTable(found.cases, names, campaign.config.timeZone, query.lang);
        const scope = exportScope(names, query.unit, query.category);
        // Named as the report of the same span is (see spanFileName): two spans, or one as of two days, are two files.
        const name = [campaign.code, 'typical-cases', ...scope, ...spanFileName(found.span, query, now, campaign.config.timeZone, 'all')].join('-');
        if (query.format === 'csv') {
          return c.body(await tableCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
        }
        const file = await tableXlsx(table, query.lang === 'zh' ? '典型案例' : 'Typical cases', { widths: [8, 20, 40, 16, 30, 14, 17, 80, 12, 12, 16], dateFormats: new Map([[6, 'yyyy-mm-dd hh:mm']]) });
        return c.body(file, 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${name}.xlsx"` });
      },
    );
}
