import type { z } from 'zod';
import { call as expect, client, reportUnauthenticated } from '../api/typed-call';
import type { caseNumberHolders, clueParts, duplicatesAnswer, importPlan, importProgress } from '../../../api/contracts/intake';
import { ApiProblem, problemOf } from '../api/problem';
import { withRetryKey } from '../api/retry-keys';
import { sendFile } from '../api/send-file';

export type ImportPlan = z.infer<typeof importPlan>;
export type Duplicates = z.infer<typeof duplicatesAnswer>;
export type DuplicateMatch = Duplicates['matches'][number];
export type IdentifierKind = Duplicates['identifiers'][number]['kind'];
export type ServerProgress = z.infer<typeof importProgress>;
export type CluePart = z.infer<typeof clueParts>['parts'][number];
export type CaseNumberHolders = z.infer<typeof caseNumberHolders>;
/** What becomes of the duplicate rows an import's choices do not name (the API's `duplicates`). */
export type DuplicateRule = 'keep' | 'merge' | 'skip';

export const importFields = ['title', 'unit', 'description', 'category', 'source', 'assignee', 'foundAt', 'sourceRef'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredFields: readonly ImportField[] = ['title', 'unit'];
/** Field → the file's column header it is read from, or null for "not imported". */
export type ImportMapping = Partial<Record<ImportField, string | null>>;

/** Where the campaign's clue import template is downloaded, in the user's language (see GET /campaigns/{id}/imports/template). */
export function templateUrl(campaignId: number, lang: 'zh' | 'en'): string {
  return `/api/campaigns/${encodeURIComponent(String(campaignId))}/imports/template?lang=${lang}`;
}

/** The most a file may weigh: the server refuses anything larger before reading it. */
export const maxImportBytes = 32 * 1024 * 1024;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import the server refused (any row invalid, or a row the user may not create): nothing was written; `plan` says why. */
export class ImportRefused extends Error {
  constructor(
    readonly problem: ApiProblem,
    readonly plan: ImportPlan,
  ) {
    super(problem.message);
  }
}

/** The Content-Type the server expects for a file, by its name first: Windows calls a CSV "application/vnd.ms-excel". */
export function uploadType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === xlsxType) return xlsxType;
  if (name.endsWith('.xls') || name.endsWith('.et') || name.endsWith('.ods') || name.endsWith('.numbers')) return null;
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') return 'text/csv';
  return 'application/octet-stream';
}

export interface UploadOptions {
  readonly commit: boolean;
  readonly onlyValid?: boolean;
  readonly mapping?: ImportMapping;
  /** Each duplicate row chosen: row → the clue its new clue merges into at once, null to keep it new against the rule, or 'skip'. */
  readonly merges?: ReadonlyMap<number, number | null | 'skip'>;
  /** What becomes of every duplicate row `merges` does not name (see mergesToSend); keep when not said. */
  readonly duplicates?: DuplicateRule;
  /** An id to follow the server's work by (see `importProgressOf`). */
  readonly progressId?: string;
  /** Bytes sent so far and in all, as the browser reports them. */
  readonly onProgress?: (sent: number, total: number) => void;
  readonly signal?: AbortSignal;
}

function isPlan(value: unknown): value is ImportPlan {
  return typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues) && Array.isArray((value as { headers?: unknown }).headers);
}

/**
 * Sends the file to be checked (commit=false) or imported (commit=true).
 * Rejects with ImportRefused when the server refused the import with a plan,
 * else with an ApiProblem (status 0 when there was no answer or it was aborted).
 */
export async function uploadImport(campaignId: number, file: File, options: UploadOptions): Promise<ImportPlan> {
  const query = new URLSearchParams({ commit: String(options.commit), onlyValid: String(options.onlyValid ?? false) });
  if (options.mapping !== undefined) query.set('mapping', JSON.stringify(options.mapping));
  if (options.merges !== undefined && options.merges.size > 0) query.set('merges', JSON.stringify(Object.fromEntries(options.merges)));
  if (options.duplicates !== undefined && options.duplicates !== 'keep') query.set('duplicates', options.duplicates);
  const choices = query.toString();
  if (options.progressId !== undefined) query.set('progressId', options.progressId);
  const send = async (headers: Readonly<Record<string, string>>) =>
    settle(
      await sendFile(`/api/campaigns/${campaignId}/imports?${query.toString()}`, file, {
        contentType: uploadType(file) ?? 'application/octet-stream',
        headers,
        onProgress: options.onProgress,
        signal: options.signal,
      }),
    );
  if (!options.commit) return send({});
  // An import whose answer the network lost may have been made: the same file with the same choices, imported again,
  // goes with the same key, and the server answers it as it did the first rather than creating its clues twice.
  return withRetryKey(`import ${campaignId} ${file.name} ${file.size} ${file.lastModified} ${choices}`, (key) => send({ 'Idempotency-Key': key }));
}

async function settle(response: Response): Promise<ImportPlan> {
  if (response.ok) return (await response.json()) as ImportPlan;
  const problem = await problemOf(response.clone());
  if (problem.status === 401) reportUnauthenticated();
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const plan = typeof body === 'object' && body !== null ? (body as { plan?: unknown }).plan : undefined;
  throw isPlan(plan) ? new ImportRefused(problem, plan) : problem;
}

export const intakeApi = {
  campaign: (id: number) => expect(client.campaigns[':id'].$get({ param: { id: String(id) } })),
  units: () => expect(client.units.$get()),
  duplicatesOfText: (campaignId: number, text: string): Promise<Duplicates> =>
    expect(client.campaigns[':id'].duplicates.$post({ param: { id: String(campaignId) }, json: { text } })),
  duplicatesOfClue: (clueId: number): Promise<Duplicates> => expect(client.clues[':id'].duplicates.$get({ param: { id: String(clueId) } })),
  /** How far the server has come with an import started with this progress id; null when this server does not know it (yet). */
  progress: (progressId: string): Promise<ServerProgress | null> => expect(client.imports.progress[':progressId'].$get({ param: { progressId } })).catch(() => null),
  /** The other clues of the campaign filed under a case number, before this clue is filed under it. */
  caseNumberHolders: (clueId: number, caseNumber: string): Promise<CaseNumberHolders> =>
    expect(client.clues[':id']['case-number-holders'].$get({ param: { id: String(clueId) }, query: { caseNumber } })),
  parts: (clueId: number) => expect(client.clues[':id'].parts.$get({ param: { id: String(clueId) } })),
};

export type CampaignDetail = Awaited<ReturnType<typeof intakeApi.campaign>>;
export type Unit = Awaited<ReturnType<typeof intakeApi.units>>[number];
