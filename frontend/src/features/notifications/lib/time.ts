import { formatDateTime } from '../../../lib/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a notification shows its date and time instead. */
const RELATIVE_FOR = 7 * DAY;

export interface NoticeTime {
  /** "3 分钟前" / "3 minutes ago" within a week, else the date and time. */
  label: string;
  /** "2026-12-06 14:05" / "Dec 6, 2026, 2:05 PM". */
  absolute: string;
}

/** When a notification came, for its row (the words come from Intl). */
export function noticeTime(createdAt: string, now: number, locale: string): NoticeTime {
  const absolute = formatDateTime(createdAt, locale);
  const ago = Math.max(0, now - Date.parse(createdAt));
  if (ago >= RELATIVE_FOR) return { label: absolute, absolute };
  // "1 天前", not "昨天": 30 hours ago may be the day before yesterday.
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const label =
    ago >= DAY
      ? rtf.format(-Math.floor(ago / DAY), 'day')
      : ago >= HOUR
        ? rtf.format(-Math.floor(ago / HOUR), 'hour')
        : ago >= MINUTE
          ? rtf.format(-Math.floor(ago / MINUTE), 'minute')
          : new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  return { label, absolute };
}
