/**
 * The weekly report's weeks: Monday to Sunday (company practice, and the
 * server's), whatever the UI language's calendar starts its weeks on.
 */
import type { DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday of the week holding `d`. */
export function mondayOf(d: Dayjs): Dayjs {
  const day = d.startOf('day');
  return day.subtract((day.day() + 6) % 7, 'day');
}

/**
 * `?week=` as the Monday of its week: any real day (YYYY-MM-DD) of a week up to
 * the current one. Anything else (a malformed or impossible date, a week still
 * to come) is `null`, and the page shows the server's default.
 */
export function parseWeek(value: string | null | undefined, today: Dayjs = dayjs()): Dayjs | null {
  if (!value || !DAY.test(value)) return null;
  const d = dayjs(value);
  // dayjs rolls 2026-02-30 over to March: only a date that reads back the same is real.
  if (!d.isValid() || d.format('YYYY-MM-DD') !== value) return null;
  const monday = mondayOf(d);
  return monday.isAfter(mondayOf(today)) ? null : monday;
}

/** A week after the current one: not offered by the picker. */
export function isFutureWeek(d: Dayjs, today: Dayjs = dayjs()): boolean {
  return mondayOf(d).isAfter(mondayOf(today));
}

type PickerLocale = NonNullable<DatePickerProps['locale']>;

/**
 * The week picker's locale with Monday as the first day: antd draws a week
 * picker's rows from the dayjs locale named in `lang.locale`, and English and
 * Traditional Chinese start their weeks on Sunday. A copy of the current dayjs
 * locale with `weekStart: 1` (ISO week numbers too) is registered once, under
 * `<name>-mon`, without becoming the global locale.
 */
export function mondayFirst(locale: PickerLocale): PickerLocale {
  const base = dayjs.locale();
  const name = `${base}-mon`;
  const source = dayjs.Ls[base];
  if (!source) return locale;
  // yearStart (the ISO week-numbering year) is read by dayjs' weekOfYear plugin but not in its locale type.
  if (!dayjs.Ls[name]) dayjs.locale(Object.assign({}, source, { name, weekStart: 1, yearStart: 4 }), undefined, true);
  return { ...locale, lang: { ...locale.lang, locale: name } };
}
