import { describe, expect, it } from 'vitest';
import { testI18n } from '../../test/i18n';
import {
  countdown,
  fenToDecimal,
  formatAmount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  parseMoney,
  sumMoney,
} from '../format';

describe('money', () => {
  it('parses decimal strings into exact fen', () => {
    expect(parseMoney('100000.01')).toBe(10000001n);
    expect(parseMoney('0.5')).toBe(50n);
    expect(parseMoney('12')).toBe(1200n);
    expect(parseMoney('-3.07')).toBe(-307n);
    expect(parseMoney('90071992547409.93')).toBe(9007199254740993n); // beyond float precision
  });

  it('rejects anything that is not a two-digit decimal', () => {
    for (const bad of ['', '1.234', '1e5', 'abc', '1,000.00', '.5', 'NaN']) {
      expect(() => parseMoney(bad)).toThrow(RangeError);
    }
  });

  it('round-trips fen to the wire format', () => {
    expect(fenToDecimal(10000001n)).toBe('100000.01');
    expect(fenToDecimal(-5n)).toBe('-0.05');
    expect(fenToDecimal(0n)).toBe('0.00');
  });

  it('sums exactly where floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['100000.00', '0.01'])).toBe('100000.01');
    expect(sumMoney(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
    expect(sumMoney(['10.00', '-2.50'])).toBe('7.50');
    expect(sumMoney([])).toBe('0.00');
  });

  it('formats with ¥ and thousands separators in Chinese', () => {
    expect(formatMoney('100000.01', 'zh-CN')).toBe('¥100,000.01');
    expect(formatMoney('120000', 'zh-CN')).toBe('¥120,000.00');
    expect(formatMoney('0.5', 'zh-TW')).toBe('¥0.50');
    expect(formatMoney('-1234.56', 'zh-CN')).toBe('-¥1,234.56');
    expect(formatMoney('-0.05', 'zh-CN')).toBe('-¥0.05');
  });

  it('formats a bare amount with grouping and two decimals, no symbol', () => {
    expect(formatAmount('3000', 'zh-CN')).toBe('3,000.00');
    expect(formatAmount('1234567.5', 'en')).toBe('1,234,567.50');
    expect(formatAmount('-0.05', 'zh-CN')).toBe('-0.05');
  });

  it('formats through Intl in English', () => {
    expect(formatMoney('100000.01', 'en')).toBe('CN¥100,000.01');
    expect(formatMoney('90071992547409.93', 'en')).toBe('CN¥90,071,992,547,409.93');
  });
});

describe('dates', () => {
  it('shows 2026-11-23 in Chinese, in the company time zone', () => {
    expect(formatDate('2026-11-23T02:00:00Z', 'zh-CN')).toBe('2026-11-23');
    // 23:30 UTC on the 22nd is already the 23rd in Shanghai.
    expect(formatDate('2026-11-22T23:30:00Z', 'zh-CN')).toBe('2026-11-23');
    expect(formatDate('2026-11-22T23:30:00Z', 'zh-CN', 'UTC')).toBe('2026-11-22');
  });

  it('keeps plain calendar dates as they are', () => {
    expect(formatDate('2026-01-05', 'zh-TW')).toBe('2026-01-05');
    expect(formatDate('2026-01-05', 'en')).toBe('Jan 5, 2026');
  });

  it('uses the locale format in English', () => {
    expect(formatDate('2026-11-23T02:00:00Z', 'en')).toBe('Nov 23, 2026');
  });

  it('formats date-times', () => {
    expect(formatDateTime('2026-11-23T06:05:00Z', 'zh-CN')).toBe('2026-11-23 14:05');
    expect(formatDateTime('2026-11-23T06:05:00Z', 'en')).toMatch(/^Nov 23, 2026, 2:05\sPM$/);
  });

  it('rejects garbage', () => {
    expect(() => formatDate('yesterday', 'zh-CN')).toThrow(RangeError);
  });
});

describe('countdown', () => {
  const start = '2026-11-20T00:00:00Z';
  const due = '2026-11-24T00:00:00Z'; // a four-day step

  it('is green with plenty of time left', async () => {
    const zh = await testI18n('zh-CN');
    expect(countdown({ dueAt: due, now: '2026-11-21T00:00:00Z', stepStartedAt: start }, zh.t)).toMatchObject({
      status: 'ok',
      label: '剩 3 天',
    });
  });

  it('turns amber under 25% of the step left', async () => {
    const en = await testI18n('en');
    // 23 hours of 96 left: under 25%.
    const c = countdown({ dueAt: due, now: '2026-11-23T01:00:00Z', stepStartedAt: start }, en.t);
    expect(c).toMatchObject({ status: 'warning', label: '23 hours left' });
    // exactly 25% left is still fine
    expect(countdown({ dueAt: due, now: '2026-11-23T00:00:00Z', stepStartedAt: start }, en.t).status).toBe('ok');
  });

  it('is red and says how late once overdue', async () => {
    const zh = await testI18n('zh-CN');
    const en = await testI18n('en');
    const args = { dueAt: due, now: '2026-11-26T05:00:00Z', stepStartedAt: start };
    expect(countdown(args, zh.t)).toMatchObject({ status: 'overdue', label: '逾期 2 天' });
    expect(countdown(args, en.t).label).toBe('2 days overdue');
    const tw = await testI18n('zh-TW');
    expect(countdown({ ...args, now: '2026-11-24T03:10:00Z' }, tw.t).label).toBe('逾期 3 小時');
    expect(countdown({ ...args, now: '2026-11-25T00:00:00Z' }, en.t).label).toBe('1 day overdue');
    expect(countdown({ ...args, now: '2026-11-24T00:00:20Z' }, en.t).label).toBe('1 minute overdue');
  });

  it('accepts Date and epoch inputs', async () => {
    const en = await testI18n('en');
    const c = countdown({ dueAt: due, now: new Date('2026-11-23T23:30:00Z'), stepStartedAt: Date.parse(start) }, en.t);
    expect(c).toMatchObject({ status: 'warning', label: '30 minutes left', remainingMs: 30 * 60_000 });
  });
});

describe('percent', () => {
  it('formats ratios', () => {
    expect(formatPercent(0.255, 'zh-CN')).toBe('25.5%');
    expect(formatPercent('0.60', 'en')).toBe('60%');
    expect(formatPercent(1, 'zh-TW')).toBe('100%');
    expect(() => formatPercent('x', 'en')).toThrow(RangeError);
  });
});
