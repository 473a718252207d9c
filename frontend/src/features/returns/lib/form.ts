/**
 * 客户退换货申请单 as a form: its values, the live checks (grounds, amounts)
 * and the ReturnInput it sends. The server checks everything again; the
 * grounds only block `submit`, so a draft saves whatever they say.
 */
import type { Schemas } from '../../../api/types';
import { requiredValue } from '../../../lib/required';
import { fenToDecimal, parseMoney } from '../../../lib/money';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { fromRetailView, retailInput, type RetailValues, type RuleSet } from './retail';
import type { ReturnKind } from './states';

type ReturnView = Schemas['ReturnView'];
type ReturnInput = Schemas['ReturnInput'];

/** B, C, D: besides A, at least one of them with its basis. */
export const OTHER_GROUNDS = ['below_standard', 'cannot_pay', 'major_change'] as const;
export type OtherGround = (typeof OTHER_GROUNDS)[number];
export type Ground = 'within_warranty' | OtherGround;

export interface LineValues {
  product_number?: string;
  description?: string | null;
  quantity?: number | null;
  unit_price?: string;
}

export interface ReturnValues {
  kind?: ReturnKind;
  customer_id?: number;
  order_number?: string | null;
  reason?: string;
  sample_unit?: boolean;
  lines?: (LineValues | undefined)[];
  /** The B/C/D boxes ticked; each reveals its basis under `eligibility`. */
  grounds?: OtherGround[];
  eligibility?: Partial<Record<Ground, string | null>>;
  /** Standalone only: the contract grounds (business) or the consumer's facts (retail). */
  rule_set?: RuleSet;
  retail?: RetailValues;
}

/** Raised from an approved complaint's resolution line (0-based). */
export interface FromLine {
  complaintId: number;
  line: number;
}

/** The server takes at most this many items. */
export const MAX_LINES = 50;

function trimmed(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

export interface Grounds {
  eligible: boolean;
  /** What keeps it from being eligible: A without basis, no B/C/D, a ticked box without basis. */
  missing: ('within_warranty' | 'other' | OtherGround)[];
}

/** The grounds as the server will judge them at submit: A, plus one of B/C/D, each with its basis. */
export function checkGrounds(values: Pick<ReturnValues, 'grounds' | 'eligibility'>): Grounds {
  const basis = values.eligibility ?? {};
  const ticked = values.grounds ?? [];
  const missing: Grounds['missing'] = [];
  if (!trimmed(basis.within_warranty)) missing.push('within_warranty');
  const withoutBasis = OTHER_GROUNDS.filter((g) => ticked.includes(g) && !trimmed(basis[g]));
  if (!OTHER_GROUNDS.some((g) => ticked.includes(g) && trimmed(basis[g]))) missing.push('other');
  missing.push(...withoutBasis);
  return { eligible: missing.length === 0, missing };
}

/** A line's amount in fen, or null while its quantity or price is not a valid entry. */
export function lineAmountFen(line: LineValues | undefined): bigint | null {
  const q = line?.quantity;
  const price = line?.unit_price?.trim();
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || !price || !MONEY_INPUT.test(price)) return null;
  return BigInt(q) * parseMoney(price);
}

export function lineAmount(line: LineValues | undefined): string | null {
  const fen = lineAmountFen(line);
  return fen === null ? null : fenToDecimal(fen);
}

/** The sum of the complete lines, and whether every line is complete. */
export function linesTotal(lines: readonly (LineValues | undefined)[]): { total: string; complete: boolean } {
  let sum = 0n;
  let complete = lines.length > 0;
  for (const line of lines) {
    const fen = lineAmountFen(line);
    if (fen === null) complete = false;
    else sum += fen;
  }
  return { total: fenToDecimal(sum), complete };
}

function eligibilityInput(values: ReturnValues): Schemas['EligibilityInput'] {
  const basis = values.eligibility ?? {};
  const ticked = values.grounds ?? [];
  const input: Schemas['EligibilityInput'] = { within_warranty: trimmed(basis.within_warranty) };
  // A box left unticked claims nothing, whatever its hidden field still holds.
  for (const g of OTHER_GROUNDS) input[g] = ticked.includes(g) ? trimmed(basis[g]) : null;
  return input;
}

/**
 * The body of POST /returns and PATCH /returns/{id}. A consumer application
 * sends its facts and no grounds; a business one the grounds and no facts
 * (the server refuses either mix). One from a complaint line is business.
 */
export function toReturnInput(values: ReturnValues, from: FromLine | null): ReturnInput {
  const base = { reason: values.reason?.trim() ?? '', sample_unit: !!values.sample_unit };
  if (from) {
    // Kind, customer, order and the goods are the complaint line's (the server fills them in).
    return { ...base, eligibility: eligibilityInput(values), complaint_id: from.complaintId, complaint_line: from.line, lines: [] };
  }
  const judged: Pick<ReturnInput, 'rule_set' | 'eligibility' | 'retail'> =
    values.rule_set === 'retail' ? { rule_set: 'retail', retail: retailInput(values.retail) } : { eligibility: eligibilityInput(values) };
  return {
    ...base,
    ...judged,
    kind: requiredValue(values.kind, 'kind'),
    customer_id: requiredValue(values.customer_id, 'customer_id'),
    order_number: trimmed(values.order_number),
    lines: (values.lines ?? []).map((line, i) => ({
      product_number: line?.product_number?.trim() ?? '',
      description: trimmed(line?.description),
      quantity: requiredValue(line?.quantity, `lines[${i}].quantity`),
      unit_price: line?.unit_price?.trim() ?? '',
    })),
  };
}

/** A saved draft back into the form. */
export function fromReturnView(r: ReturnView): ReturnValues {
  const e = r.eligibility;
  return {
    kind: r.kind,
    customer_id: r.customer.id,
    order_number: r.order_number ?? null,
    reason: r.reason,
    sample_unit: r.sample_unit,
    lines: r.lines.map((l) => ({
      product_number: l.product_number,
      description: l.description ?? null,
      quantity: l.quantity,
      unit_price: l.unit_price.amount,
    })),
    grounds: OTHER_GROUNDS.filter((g) => !!e[g]),
    eligibility: {
      within_warranty: e.within_warranty ?? null,
      below_standard: e.below_standard ?? null,
      cannot_pay: e.cannot_pay ?? null,
      major_change: e.major_change ?? null,
    },
    rule_set: r.rule_set,
    retail: fromRetailView(r.retail),
  };
}

/** A new standalone form: one empty line to fill. */
export function emptyReturnValues(): ReturnValues {
  return { kind: 'return', sample_unit: false, lines: [{}], grounds: [], eligibility: {}, rule_set: 'business', retail: fromRetailView(null) };
}

/**
 * The form's field for a server field: `eligibility` as a whole (no B/C/D)
 * sits on the B/C/D boxes; the rest are named alike (`lines[0].quantity`).
 */
export function formFieldName(field: string): string {
  if (field === 'eligibility') return 'grounds';
  // The facts as a whole (missing, or sent with the business grounds): the rule set's choice.
  if (field === 'retail') return 'rule_set';
  // An item's amount out of range (`lines[0]`): its price is what to change.
  if (/^lines\[\d+\]$/.test(field)) return `${field}.unit_price`;
  return field;
}
