import dayjs from 'dayjs';
import weekday from 'dayjs/plugin/weekday';
import { afterAll, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n } from '../../../../i18n';
import { antdLocale } from '../../../../i18n/ui-locale';
import { isFutureWeek, mondayFirst, mondayOf, parseWeek } from '../week';

dayjs.extend(weekday);

const today = dayjs('2026-12-08');
const day = (d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD') ?? null;

describe('the weekly report’s weeks', () => {
  afterAll(async () => {
    await changeLanguage('zh-CN', false);
  });

  it('run Monday to Sunday', () => {
    expect(day(mondayOf(dayjs('2026-11-30')))).toBe('2026-11-30');
    expect(day(mondayOf(dayjs('2026-12-02')))).toBe('2026-11-30');
    expect(day(mondayOf(dayjs('2026-12-06')))).toBe('2026-11-30');
    expect(day(mondayOf(dayjs('2027-01-01')))).toBe('2026-12-28');
  });

  it('read ?week= as the Monday of any of its days', () => {
    expect(day(parseWeek('2026-12-02', today))).toBe('2026-11-30');
    expect(day(parseWeek('2026-12-06', today))).toBe('2026-11-30');
    expect(day(parseWeek('2025-03-03', today))).toBe('2025-03-03');
    // The week under way may be looked at; the next one may not.
    expect(day(parseWeek('2026-12-13', today))).toBe('2026-12-07');
    expect(parseWeek('2026-12-14', today)).toBeNull();
  });

  it.each([null, undefined, '', '2026-02-30', '2026-13-01', '2026-1-5', '20261130', '2026-11-30x', 'last'])('ignore %j', (value) => {
    expect(parseWeek(value, today)).toBeNull();
  });

  it('disable the picker’s weeks after the current one', () => {
    expect(isFutureWeek(dayjs('2026-12-13'), today)).toBe(false);
    expect(isFutureWeek(dayjs('2026-12-14'), today)).toBe(true);
  });

  it('start on Monday in the picker whatever the language', async () => {
    await initI18n('zh-CN');
    for (const language of ['en', 'zh-TW', 'zh-CN'] as const) {
      await changeLanguage(language, false);
      const picker = antdLocale(language).DatePicker!;
      const name = mondayFirst(picker).lang.locale;
      expect(dayjs.Ls[name]?.weekStart).toBe(1);
      // Sunday 2026-12-06 belongs to the week of Monday 2026-11-30.
      expect(dayjs('2026-12-06').locale(name).weekday(0).format('YYYY-MM-DD')).toBe('2026-11-30');
      // The language's words are kept, and the global locale is not changed.
      expect(dayjs.locale()).not.toBe(name);
    }
  });
});
