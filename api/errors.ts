import type { Context } from 'hono';
import { isDiskFull } from '../db/disk-full';
import type { AppEnv } from './context';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { refusalCodes, type FieldIssue, type Label, type Refusal, type RefusalCode } from '../engine';

/** The API's own error codes, beside the engine's refusal codes; each maps to one status. */
export const apiErrorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  csrf_rejected: 403,
  password_change_required: 403,
  not_found: 404,
  version_conflict: 409,
  holds_items: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  storage_full: 507,
  disk_full: 507,
  internal: 500,
  starting: 503,
  stopping: 503,
} as const;

export type ApiErrorCode = keyof typeof apiErrorStatus;
export type ErrorCode = ApiErrorCode | RefusalCode;

const apiErrorLabels: Record<ApiErrorCode, Label> = {
  bad_request: { zh: '请求格式有误', en: 'The request is malformed' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  csrf_rejected: { zh: '请求来源不可信，已拒绝', en: 'The request did not come from Battlemap itself and was refused' },
  password_change_required: { zh: '请先修改初始密码', en: 'Change the password you were given first' },
  not_found: { zh: '未找到', en: 'Not found' },
  version_conflict: { zh: '该事项已被他人修改，请以最新状态为准', en: 'Someone else changed this item first; here is its current state' },
  holds_items: { zh: '该用户仍承办事项，修改后将无法办理；请确认后再保存', en: 'The user holds open items they could no longer move; confirm the change' },
  idempotency_key_reused: { zh: '请求标识（Idempotency-Key）已用于另一个请求', en: 'The Idempotency-Key was already sent with another request' },
  payload_too_large: { zh: '请求内容过大', en: 'The request body is too large' },
  unsupported_media_type: { zh: '请求内容类型不受支持', en: 'Unsupported content type' },
  rate_limited: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  storage_full: { zh: '存储空间已达上限', en: 'The storage limit is reached' },
  disk_full: { zh: '服务器磁盘已满，本次操作未保存，请联系管理员', en: "The server's disk is full: nothing was saved; tell the administrator" },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  starting: { zh: '服务正在启动，请稍后再试', en: 'Battlemap is starting; try again in a moment' },
  stopping: { zh: '服务正在停止，本次请求未被处理，请稍后重试', en: 'Battlemap is stopping and did not take this request; try again in a moment' },
};

/** The status an error code is answered with: who-refusals 403, move-refusals 422. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  if (code in apiErrorStatus) return apiErrorStatus[code as ApiErrorCode];
  return refusalCodes[code as RefusalCode] === 'who' ? 403 : 422;
}

/** The body of every error (RFC 9457 problem+json), with the reason in both languages. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly reason: Label;
  readonly fields?: readonly FieldIssue[];
  readonly requestId?: string;
  readonly [extra: string]: unknown;
}

/**
 * An expected failure, carried as a value with its code up to the one error
 * handler that renders it. Never used for bugs: those become 500s.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly reason: Label;
  readonly fields: readonly FieldIssue[] | undefined;
  readonly extra: Readonly<Record<string, unknown>>;
  /** Headers the answer carries besides the body's (a 429's `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, options: { reason?: Label; fields?: readonly FieldIssue[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    const reason = options.reason ?? (code in apiErrorLabels ? apiErrorLabels[code as ApiErrorCode] : { zh: code, en: code });
    super(reason.en);
    this.code = code;
    this.reason = reason;
    this.fields = options.fields;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  get status(): ContentfulStatusCode {
    return statusOf(this.code);
  }
}

/**
 * A value in the address refused for what it names (a unit, a column, a phase
 * that is not there, a cursor no page gave), under the field name the shape
 * check gives its own issues (`query.unit`), so a page names the filter the
 * same way whichever check refused it.
 */
export function queryRefused(name: string, message: Label): ApiError {
  return new ApiError('bad_request', { fields: [{ field: `query.${name}`, message }] });
}

/** The engine's refusal as an API error (403 or 422 by its code's class). */
export function refusalError(refusal: Refusal): ApiError {
  return new ApiError(refusal.code, {
    reason: refusal.reason,
    ...(refusal.fields !== undefined && { fields: refusal.fields }),
    ...(refusal.unmet !== undefined && { extra: { unmet: refusal.unmet } }),
  });
}

export function problemBody(error: ApiError, requestId?: string): ProblemBody {
  return {
    type: `urn:battlemap:problem:${error.code}`,
    title: error.reason.en,
    status: error.status,
    detail: error.reason.en,
    code: error.code,
    reason: error.reason,
    ...(error.fields !== undefined && { fields: error.fields }),
    ...error.extra,
    ...(requestId !== undefined && { requestId }),
  };
}

/**
 * The answer an error is given, when it is expected: an ApiError as it is, and a write the server's disk had no room
 * for as a 507 `disk_full` (nothing of it was saved, and the same request sent again once there is room goes
 * through); null for any other error, a bug, answered 500.
 */
export function expectedError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  return isDiskFull(error) ? new ApiError('disk_full') : null;
}

/** Renders an ApiError as problem+json. */
export function problemResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body = problemBody(error, c.get('requestId'));
  return c.body(JSON.stringify(body), error.status, { ...error.headers, 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** An error as data that can cross to another thread (see {@link errorFromData}). */
export type ErrorData =
  | {
      readonly api: {
        readonly code: ErrorCode;
        readonly reason: Label;
        readonly fields: readonly FieldIssue[] | undefined;
        readonly extra: Readonly<Record<string, unknown>>;
        readonly headers: Readonly<Record<string, string>>;
      };
    }
  | { readonly name: string; readonly message: string; readonly stack: string | undefined };

/** An error thrown on the write worker's thread, as data: an ApiError with its code, reason, fields and extra; anything else as what the log needs. */
export function errorToData(error: unknown): ErrorData {
  if (error instanceof ApiError) return { api: { code: error.code, reason: error.reason, fields: error.fields, extra: error.extra, headers: error.headers } };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error), stack: undefined };
}

/** The error {@link errorToData} carried: an ApiError again, answered as such; anything else an Error for the log and a 500. */
export function errorFromData(data: unknown): Error {
  const carried = data as ErrorData;
  if ('api' in carried) {
    const { code, reason, fields, extra, headers } = carried.api;
    return new ApiError(code, { reason, ...(fields !== undefined && { fields }), extra: { ...extra }, headers: { ...headers } });
  }
  const error = new Error(carried.message);
  error.name = carried.name;
  if (carried.stack !== undefined) error.stack = carried.stack;
  return error;
}

/** A body over its route's limit, the limit said (an upload of 25 MB was told only that it was "too large"). */
export function tooLarge(limit: number): ApiError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
  return new ApiError('payload_too_large', { reason: { zh: `请求内容超过上限 ${size}`, en: `The request body is over its limit of ${size}` } });
}
