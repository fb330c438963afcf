import type { z } from 'zod';
import { call as expect, client } from '../api/typed-call';
import type { BattleMap } from '../../../api/contracts/battle-map';
import type { Flow } from '../../../api/contracts/flow';
import type { report } from '../../../api/contracts/report';
import type { TypicalCases } from '../../../api/contracts/typical-cases';
import type { Phase } from '../../../engine/campaign/campaign-config';
import type { IdOrNone } from '../../../api/contracts/common';

/** What a report covers: a phase, a date range (either end open) or the whole campaign; optionally as of an instant, of one unit and those below it, and of one crime category (or of the items with none). */
export interface ReportScope {
  readonly phase?: Phase;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
  readonly unit?: string;
  readonly category?: IdOrNone;
}

export type ReportFormat = 'json' | 'csv' | 'xlsx';

function reportQuery(scope: ReportScope): Record<string, string> {
  const query: Record<string, string> = {};
  if (scope.phase !== undefined) query.phase = scope.phase;
  else {
    if (scope.from !== undefined) query.from = scope.from;
    if (scope.to !== undefined) query.to = scope.to;
  }
  if (scope.asOf !== undefined) query.asOf = scope.asOf;
  if (scope.unit !== undefined) query.unit = scope.unit;
  if (scope.category !== undefined) query.category = String(scope.category);
  return query;
}

export const reportsApi = {
  campaign: (id: number) => expect(client.campaigns[':id'].$get({ param: { id: String(id) } })),
  // The route also answers CSV and XLSX, so its typed body is a union: format=json makes it the Report.
  report: async (id: number, scope: ReportScope): Promise<Report> =>
    (await expect(client.campaigns[':id'].report.$get({ param: { id: String(id) }, query: { ...reportQuery(scope), format: 'json' } }))) as Report,
  /** The typical cases chosen in the scope's span and standing at its end, of its unit and category. */
  typicalCases: async (id: number, scope: ReportScope): Promise<TypicalCases> =>
    (await expect(client.campaigns[':id']['typical-cases'].$get({ param: { id: String(id) }, query: { ...reportQuery(scope), format: 'json' } }))) as TypicalCases,
  frozen: (id: number, phase: Phase) => expect(client.campaigns[':id'].reports[':phase'].$get({ param: { id: String(id), phase } })),
  battleMap: (id: number): Promise<BattleMap> => expect(client.campaigns[':id']['battle-map'].$get({ param: { id: String(id) } })),
  map: (id: number) => expect(client.campaigns[':id'].map.$get({ param: { id: String(id) } })),
  /** Cumulative flow and burndown of a phase (the current one when none is named) or of a range of days, of the report's unit and category if it has them. */
  flow: (
    id: number,
    phase: Phase | undefined,
    scope: { unit?: string | undefined; category?: IdOrNone | undefined; range?: { readonly from: string; readonly to: string }; asOf?: string } = {},
  ): Promise<Flow> =>
    expect(
      client.campaigns[':id'].flow.$get({
        param: { id: String(id) },
        query: {
          ...(phase === undefined ? {} : { phase }),
          ...(scope.range === undefined ? {} : { from: scope.range.from, to: scope.range.to }),
          ...(scope.asOf === undefined ? {} : { asOf: scope.asOf }),
          ...(scope.unit === undefined ? {} : { unit: scope.unit }),
          ...(scope.category === undefined ? {} : { category: String(scope.category) }),
        },
      }),
    ),
};

/** The address of a report download (CSV or XLSX) in a language: the server names the file. */
export function reportDownloadUrl(id: number, scope: ReportScope, format: Exclude<ReportFormat, 'json'>, lang: 'zh' | 'en'): string {
  // Written out rather than with the client's $url(), which needs an absolute base.
  const query = new URLSearchParams({ ...reportQuery(scope), format, lang });
  return `/api/campaigns/${encodeURIComponent(String(id))}/report?${query.toString()}`;
}

/** The address of the typical-case register as a download (CSV or XLSX) for the report's scope. */
export function typicalCasesDownloadUrl(id: number, scope: ReportScope, format: Exclude<ReportFormat, 'json'>, lang: 'zh' | 'en'): string {
  const query = new URLSearchParams({ ...reportQuery(scope), format, lang });
  return `/api/campaigns/${encodeURIComponent(String(id))}/typical-cases?${query.toString()}`;
}

export type Report = z.infer<typeof report>;
export type ReportRow = Report['total'];
export type CampaignDetail = Awaited<ReturnType<typeof reportsApi.campaign>>;
export type { BattleMap, Flow, TypicalCases };
