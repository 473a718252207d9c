/**
 * RFC 9457 problem+json: turning API failures into something a screen can
 * show — one message, plus messages per form field for antd Form.setFields.
 */
import type { FormInstance } from 'antd';
import type { Problem } from './types';

/** Minimal translate signature (i18next's `t` satisfies it). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** From the Retry-After header (429, 503), in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && (typeof v.code === 'string' || typeof v.title === 'string');
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds an ApiError from an openapi-fetch `{ error, response }` pair. */
export function toApiError(error: unknown, response: Response): ApiError {
  return new ApiError(
    response.status,
    isProblem(error) ? error : null,
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

/** For query functions: the data, or a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw toApiError(result.error, result.response);
}

export interface FormErrors {
  /** One line for the form as a whole, in the user's language. */
  message: string;
  /** Field path (as the server names it, e.g. `lines[0].amount`) -> message. */
  fieldErrors: Record<string, string>;
  code: string | null;
  status: number | null;
  requestId: string | null;
  retryAfterSeconds: number | null;
}

export function problemToFormErrors(failure: unknown, t: Translate): FormErrors {
  const apiError = failure instanceof ApiError ? failure : null;
  const problem = apiError?.problem ?? (isProblem(failure) ? failure : null);
  const status = apiError?.status ?? problem?.status ?? null;

  if (!problem && status === null) {
    // fetch rejects with a TypeError when the server cannot be reached.
    const key = failure instanceof TypeError ? 'errors.network' : 'errors.generic';
    return { message: t(key), fieldErrors: {}, code: null, status: null, requestId: null, retryAfterSeconds: null };
  }

  const code = problem?.code ?? null;
  const fallback = problem?.detail || problem?.title || t('errors.generic');
  const message = code ? t(`errors.${code}`, { defaultValue: fallback }) : fallback;

  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const text = t(`validation.${e.code}`, { defaultValue: e.message || e.code });
    fieldErrors[e.field] = fieldErrors[e.field] ? `${fieldErrors[e.field]}; ${text}` : text;
  }

  return {
    message,
    fieldErrors,
    code,
    status,
    requestId: problem?.request_id ?? null,
    retryAfterSeconds: apiError?.retryAfterSeconds ?? null,
  };
}

/** `lines[0].amount` -> ['lines', 0, 'amount'] (antd NamePath). */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export type AntdFieldErrors<Values> = Parameters<FormInstance<Values>['setFields']>[0];

/** Ready for antd `form.setFields(...)`; field names come from the server, unchecked. */
export function toAntdFields<Values = unknown>(fieldErrors: Record<string, string>): AntdFieldErrors<Values> {
  return Object.entries(fieldErrors).map(([field, message]) => ({
    name: fieldPath(field),
    errors: [message],
  })) as AntdFieldErrors<Values>;
}

/** "30 秒" / "2 minutes": how long until a rate limit lifts. */
export function formatRetryAfter(seconds: number, t: Translate): string {
  if (seconds < 60) return t('duration.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('duration.minutes', { count: Math.ceil(seconds / 60) });
}
