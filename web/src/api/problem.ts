import type { Label } from '../../../engine/labels';
import type { Card } from '../../../api/contracts/board';
import { tr } from '../i18n/i18n';

export interface FieldIssue {
  readonly field: string;
  readonly message: Label;
}

/** An RFC 9457 answer of the API, as the UI needs it: code, bilingual reason, fields, and `current` on a conflict. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: Label,
    readonly fields: readonly FieldIssue[],
    readonly current: Card | null,
    /** The whole problem body, for answers that carry more (an import's or a bulk create's plan). */
    readonly body: unknown = null,
  ) {
    super(reason.en);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLabel(value: unknown): value is Label {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

/** Reads a failed response as a problem; a body that is not problem+json still becomes one, by its status. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const fallback: Label = { zh: `请求失败（${response.status}）`, en: `Request failed (${response.status})` };
  if (!isRecord(body)) return new ApiProblem(response.status, 'http_error', fallback, [], null);
  const fields = Array.isArray(body.fields)
    ? body.fields.flatMap((f: unknown) => (isRecord(f) && typeof f.field === 'string' && isLabel(f.message) ? [{ field: f.field, message: f.message }] : []))
    : [];
  return new ApiProblem(
    response.status,
    typeof body.code === 'string' ? body.code : 'http_error',
    isLabel(body.reason) ? body.reason : fallback,
    fields,
    isRecord(body.current) ? (body.current as unknown as Card) : null,
    body,
  );
}

/** A request that never got an answer (server down, network cut). */
export function networkProblem(error: unknown): ApiProblem {
  const detail = error instanceof Error ? error.message : String(error);
  // The browser's own words ("Failed to fetch") are English whatever the page's language: the Chinese says what to do instead.
  return new ApiProblem(0, 'network', { zh: '无法连接服务器，请检查网络后重试', en: `Cannot reach the server (${detail}): check the network and try again` }, [], null);
}

/** What went wrong, for a toast or a line where no form shows it: the server's reason in the current language, else the error's own text. */
export const reasonText = (error: unknown): string => (error instanceof ApiProblem ? tr(error.reason) : String(error));

/** Why a read was refused, for the line shown in its place: the first field's message (a filter the server does not take: which value, why) when it names one, else the reason. */
export const refusalText = (error: unknown): string => (error instanceof ApiProblem ? tr(error.fields[0]?.message ?? error.reason) : String(error));
