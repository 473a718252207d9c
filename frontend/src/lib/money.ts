/**
 * Exact money. The API sends decimal strings with two fraction digits
 * ("100000.01"); we compute in integer fen with BigInt and never go through
 * floating point.
 */

const MONEY = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "100000.01" -> 10000001n (fen). Throws RangeError on anything else. */
export function parseMoney(value: string): bigint {
  const m = MONEY.exec(value.trim());
  if (!m) throw new RangeError(`not a money amount: ${JSON.stringify(value)}`);
  const [, sign, whole = '0', frac = ''] = m;
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign ? -fen : fen;
}

/** 10000001n -> "100000.01" (the API's wire format). */
export function fenToDecimal(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Exact sum of decimal strings, as a decimal string with two digits. */
export function sumMoney(values: readonly string[]): string {
  return fenToDecimal(values.reduce((acc, v) => acc + parseMoney(v), 0n));
}

/**
 * "100000.01" -> "¥100,000.01" (zh-CN), "CN¥100,000.01" (en).
 * Intl supplies symbol, sign and grouping for the whole units (as a BigInt,
 * exact at any size); the fraction digits are ours, copied verbatim.
 */
export function formatMoney(value: string, locale: string, currency = 'CNY'): string {
  const fen = parseMoney(value);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  const nf = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    // Chinese readers of CNY amounts expect a bare ¥; English readers get CN¥.
    currencyDisplay: locale.startsWith('zh') ? 'narrowSymbol' : 'symbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // -0 has no sign as a BigInt: format -1 and put the 0 back.
  const placeholder = negative && whole === 0n;
  const parts = nf.formatToParts(placeholder ? -1n : negative ? -whole : whole);
  return parts
    .map((p) => {
      if (p.type === 'fraction') return frac;
      if (p.type === 'integer' && placeholder) return '0';
      return p.value;
    })
    .join('');
}

/**
 * "3000" -> "3,000.00": an amount without a currency symbol (a column whose
 * heading names the currency), grouped as `locale` groups, exact at any size.
 */
export function formatAmount(value: string, locale: string): string {
  const fen = parseMoney(value);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(abs / 100n);
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}
