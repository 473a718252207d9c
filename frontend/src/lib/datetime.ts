/** Dates and the step countdown. Business dates are shown in the company's zone. */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Translate = (key: string, options?: Record<string, unknown>) => string;

function ymd(date: Date, timeZone: string): { year: string; month: string; day: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * RFC 3339 instant or plain date -> "2026-11-23" in Chinese, the locale's
 * medium date ("Nov 23, 2026") otherwise.
 */
export function formatDate(value: string, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  const plain = DATE_ONLY.exec(value);
  // A plain date (e.g. ship date) is a calendar day: no time-zone shift.
  const date = plain ? new Date(Date.UTC(+plain[1]!, +plain[2]! - 1, +plain[3]!)) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${JSON.stringify(value)}`);
  const zone = plain ? 'UTC' : timeZone;
  if (locale.startsWith('zh')) {
    const { year, month, day } = ymd(date, zone);
    return `${year}-${month}-${day}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(date);
}

/** "2026-11-23 14:05" in Chinese, "Nov 23, 2026, 2:05 PM" in English. */
export function formatDateTime(value: string, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${JSON.stringify(value)}`);
  if (locale.startsWith('zh')) {
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
    return `${formatDate(value, locale, timeZone)} ${time}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export type CountdownStatus = 'ok' | 'warning' | 'overdue';
export interface Countdown {
  status: CountdownStatus;
  /** "剩 3 天" / "逾期 2 天" / "2 days overdue". */
  label: string;
  /** Negative when overdue. */
  remainingMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Amber when less than this share of the step's time is left. */
export const WARNING_SHARE = 0.25;

function toMs(value: string | Date | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${JSON.stringify(value)}`);
  return ms;
}

/**
 * The coloured countdown of a step: green while more than 25% of the step's
 * time is left, amber below that, red once the deadline has passed.
 */
export function countdown(
  args: { dueAt: string; now: string | Date | number; stepStartedAt: string | Date | number },
  t: Translate,
): Countdown {
  const due = toMs(args.dueAt);
  const now = toMs(args.now);
  const total = due - toMs(args.stepStartedAt);
  const remainingMs = due - now;
  const overdue = remainingMs < 0;
  const span = Math.abs(remainingMs);
  const prefix = overdue ? 'countdown.overdue' : 'countdown.left';

  let label: string;
  if (span >= DAY) label = t(`${prefix}Days`, { count: Math.floor(span / DAY) });
  else if (span >= HOUR) label = t(`${prefix}Hours`, { count: Math.floor(span / HOUR) });
  else label = t(`${prefix}Minutes`, { count: Math.max(overdue ? 1 : 0, Math.floor(span / MINUTE)) });

  let status: CountdownStatus = 'ok';
  if (overdue) status = 'overdue';
  else if (total <= 0 || remainingMs < total * WARNING_SHARE) status = 'warning';
  return { status, label, remainingMs };
}
