import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { testI18n } from '../../../test/i18n';
import { awaitsAnswer, formatLate, letterStatus } from '../lib/letters';

let zh: I18n;
let tw: I18n;
let en: I18n;
beforeAll(async () => {
  zh = await testI18n('zh-CN');
  tw = await testI18n('zh-TW');
  en = await testI18n('en');
});

describe('formatLate', () => {
  it('words days, hours and minutes, leaving out the units that are zero', () => {
    const late = 2 * 1440 + 3 * 60 + 5;
    expect(formatLate(late, zh.t)).toBe('2 天 3 小时 5 分');
    expect(formatLate(late, tw.t)).toBe('2 天 3 小時 5 分');
    expect(formatLate(late, en.t)).toBe('2 d 3 h 5 min');
    expect(formatLate(1440, zh.t)).toBe('1 天');
    expect(formatLate(1445, en.t)).toBe('1 d 5 min');
    expect(formatLate(59, zh.t)).toBe('59 分');
    expect(formatLate(60, zh.t)).toBe('1 小时');
  });

  it('says 0 minutes rather than nothing, and never goes below it', () => {
    expect(formatLate(0, zh.t)).toBe('0 分');
    expect(formatLate(-5, en.t)).toBe('0 min');
    expect(formatLate(90.7, zh.t)).toBe('1 小时 30 分');
  });
});

describe('letterStatus', () => {
  it('words a reminder as dealt with, an inquiry as answered', () => {
    expect(zh.t(letterStatus({ kind: 'reminder', pending: true }).key)).toBe('待处理');
    expect(zh.t(letterStatus({ kind: 'reminder', pending: false }).key)).toBe('已处理');
    expect(zh.t(letterStatus({ kind: 'inquiry', pending: true }).key)).toBe('待回复');
    expect(zh.t(letterStatus({ kind: 'inquiry', pending: false }).key)).toBe('已回复');
    expect(en.t(letterStatus({ kind: 'inquiry', pending: false }).key)).toBe('Answered');
    expect(letterStatus({ kind: 'inquiry', pending: true }).color).toBe('orange');
  });

  it('asks for an answer only on an inquiry without one', () => {
    expect(awaitsAnswer({ kind: 'inquiry', answer: null })).toBe(true);
    expect(awaitsAnswer({ kind: 'inquiry', answer: '等料' })).toBe(false);
    expect(awaitsAnswer({ kind: 'reminder', answer: null })).toBe(false);
  });
});
