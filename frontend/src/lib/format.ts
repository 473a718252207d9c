/**
 * Display formatting used across the app. Money is exact (see money.ts);
 * dates follow the company's time zone (see datetime.ts).
 */
export { parseMoney, fenToDecimal, sumMoney, formatMoney, formatAmount } from './money';
export { formatDate, formatDateTime, countdown, DEFAULT_TIME_ZONE, WARNING_SHARE } from './datetime';
export type { Countdown, CountdownStatus, Translate } from './datetime';

/**
 * A ratio as a percentage: 0.255 -> "25.5%". Accepts the API's decimal
 * strings ("0.60"); ratios are display values, not money, so a float is fine.
 */
export function formatPercent(ratio: number | string, locale: string, maximumFractionDigits = 1): string {
  const value = typeof ratio === 'string' ? Number(ratio) : ratio;
  if (!Number.isFinite(value)) throw new RangeError(`not a ratio: ${JSON.stringify(ratio)}`);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(value);
}

/** Integer quantities with grouping: 12000 -> "12,000". */
export function formatQuantity(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}
