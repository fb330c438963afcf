import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { hasLeft, phases } from '../../engine';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { report, reportQuery } from '../contracts/report';
import { ApiError } from '../errors';
import { unitTreeOnce } from '../auth/unit-scope';
import { xlsxType } from '../middleware/security';
import { viewerOf } from '../middleware/viewer';
import { auditStamp } from '../../db/audit/head';
import { campaignReport, readFrozenReport, spanOf, type CampaignReport } from '../services/report';
import { minuteOf, SharedAnswers } from '../services/shared-answers';
import { reportCsv, reportHeading, reportIndents, reportTable, reportXlsx, targetsHeading, targetsTable } from '../services/report-export';
import { localDateTime } from '../services/lists-export';
import { campaignStateLabels } from '../../engine/campaign/campaign.labels';
import { categoryScopeName, exportNames, exportScope, spanFileName, spanSettled } from '../services/export-names';
import { loadCampaign } from '../services/campaign-rules';
import { readPhaseAdvance } from '../services/phase-advance';
import { json, problems, router } from './kit';


/** Completion reports: live for a span, an instant, a unit and a category, and as frozen (the whole campaign's) at each phase's end. Aggregates: every role may read them. */
export function reportRoutes(database: Database, clock: Clock) {
  const { db } = database;
  // The wall and everyone on the report page ask for the same report after the same change: one count serves them all.
  const shared = new SharedAnswers<CampaignReport>();
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/report',
        tags: ['reports'],
        request: { params: idParam, query: reportQuery },
        responses: {
          200: {
            description:
              'The completion report of a phase, a date range or the whole campaign, optionally as of an instant, of one unit and the units below it (`unit`) and of one crime category (`category`); as JSON, CSV or XLSX',
            content: { 'application/json': { schema: report }, 'text/csv': { schema: z.string() }, [xlsxType]: { schema: z.string() } },
          },
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        viewerOf(c);
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        const now = clock();
        const campaign = await loadCampaign(db, id);
        const span = spanOf(campaign, query, now);
        const { unit, category } = query;
        // The unit tree as it stands (not a second-old copy: a unit made under a branch counts at once), read once.
        const unitTree = unitTreeOnce(db);
        // A span that ended before now is settled: the log is only appended to, at the time of writing, so
        // nothing written from now on falls inside it, and its report is counted once (a past phase at a million
        // clues replays the log, seconds). Only a change to the unit tree can change it (a branch's units).
        // A report up to now counts what is overdue by the clock: the minute is part of the state it is of.
        const end = span.to < span.asOf ? span.to : span.asOf;
        const settled = spanSettled(span, now);
        const state = settled ? `settled@${JSON.stringify(await unitTree())}` : `${await auditStamp(db)}@${minuteOf(now)}`;
        // Settled, the report is of its span up to its end, whenever asked; live, of the instant asked for, or now.
        const question = [id, span.from, span.to, settled ? end : (query.asOf ?? null), query.phase ?? null, unit ?? null, category ?? null];
        const counted = await shared.answer(JSON.stringify(question), state, () => campaignReport(db, campaign, query, now, unitTree));
        // A settled span's figures are shared by every instant asked for past its end; its span is this request's own
        // (the instant asked for, or now), not that of the request that first counted them.
        const built = settled ? { ...counted, span } : counted;
        if (query.format === 'json') return c.json(built, 200);
        const names = await exportNames(db, id);
        const table = reportTable(built, names, query.lang);
        const scope = exportScope(names, unit, category);
        // Named for what it holds (see spanFileName): the phase or the span, and the day it is as of.
        const name = [campaign.code, ...scope, ...spanFileName(span, query, now, campaign.config.timeZone, 'report')].join('-');
        if (query.format === 'csv') {
          return c.body(await reportCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
        }
        const lang = query.lang;
        const ranged = query.from !== undefined || query.to !== undefined;
        const scopeName = [
          ...(unit === undefined ? [] : [names.units.get(unit)?.[lang] ?? unit]),
          ...(category === undefined ? [] : [categoryScopeName(names, category, lang)]),
        ].join(' · ');
        const spanLabel =
          query.phase !== undefined
            ? lang === 'zh'
              ? `${campaignStateLabels[query.phase].zh}阶段总结`
              : `${campaignStateLabels[query.phase].en} report`
            : ranged
              ? lang === 'zh'
                ? '指定时段总结'
                : 'Report of a chosen span'
              : lang === 'zh'
                ? '全程总结'
                : 'Whole-campaign report';
        const zone = campaign.config.timeZone;
        const heading = reportHeading(
          {
            campaignName: lang === 'zh' ? campaign.nameZh : campaign.nameEn,
            spanName: spanLabel,
            scope: scopeName,
            // A span open at its start is the campaign's from its beginning.
            from: span.from.startsWith('0000') ? (lang === 'zh' ? '专项开始' : "the campaign's start") : localDateTime(span.from, zone),
            asOf: localDateTime(end, zone),
            timeZone: zone,
            escalations: [built.escalationsRaised[1], built.escalationsRaised[2], built.escalationsRaised[3]],
          },
          lang,
        );
        const ended = query.phase !== undefined && hasLeft(campaign.state, query.phase);
        const targets = targetsTable(built, names, lang, ended);
        const frozenAt = built.targetsFrozenAt === undefined ? null : localDateTime(built.targetsFrozenAt, zone);
        const file = await reportXlsx(
          table,
          lang === 'zh' ? '阶段总结' : 'Report',
          heading,
          targets === null ? null : { sheetName: lang === 'zh' ? '阶段目标' : 'Targets', table: targets, heading: targetsHeading(heading, lang, frozenAt) },
          reportIndents(built, names),
        );
        return c.body(file, 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${name}.xlsx"` });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/reports/{phase}',
        tags: ['reports'],
        request: { params: idParam.extend({ phase: z.enum(phases) }) },
        responses: { 200: json(report, 'The report frozen when the office advanced out of the phase, with its hash'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        viewerOf(c);
        const { id, phase } = c.req.valid('param');
        const frozen = await readFrozenReport(db, id, phase);
        if (frozen === null) throw new ApiError('not_found', { reason: { zh: '该阶段尚未结束，没有定稿报告', en: 'This phase has not ended; no report was frozen yet' } });
        // The advance that froze it, read from its audit entry: who, when, the criteria unmet then, and why the office went on.
        const advance = await readPhaseAdvance(db, id, phase);
        return c.json({ ...frozen.report, frozen: { frozenAt: frozen.frozenAt, hash: frozen.hash, advance } }, 200);
      },
    );
}
