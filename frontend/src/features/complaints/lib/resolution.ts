/**
 * Resolution lines (domain.md §4.5): which inputs each kind needs and the
 * settlement value it carries, computed exactly in fen. The server computes
 * the same values again (and the loss, whose rule is company policy); this is
 * the live preview while sales types.
 */
import { fenToDecimal, parseMoney } from '../../../lib/money';
import type { Schemas } from '../../../api/types';
import { everyCode, isCode } from '../../../lib/codes';

export type LineKind = Schemas['ResolutionKind'];
export const LINE_KINDS = everyCode<LineKind>()(['compensation', 'discount', 'return', 'resend', 'rework']);
export type LineInputField = 'quantity' | 'unit_price' | 'amount' | 'transport_cost';

/** The inputs a line of each kind carries (the rest are not sent). */
export const LINE_FIELDS: Record<LineKind, readonly LineInputField[]> = {
  compensation: ['amount'],
  discount: ['amount'],
  return: ['quantity', 'unit_price'],
  resend: ['quantity', 'unit_price'],
  rework: ['amount', 'transport_cost'],
};

/** Fields that must be filled; rework transport is optional. */
export const REQUIRED_LINE_FIELDS: Record<LineKind, readonly LineInputField[]> = {
  compensation: ['amount'],
  discount: ['amount'],
  return: ['quantity', 'unit_price'],
  resend: ['quantity', 'unit_price'],
  rework: ['amount'],
};

export interface LineDraft {
  kind?: LineKind | null;
  quantity?: number | null;
  unit_price?: string | null;
  amount?: string | null;
  transport_cost?: string | null;
  remarks?: string | null;
}

/** A CNY amount as typed: digits with at most two decimals, no sign. */
export const MONEY_INPUT = /^\d{1,13}(\.\d{1,2})?$/;

export function isLineKind(value: unknown): value is LineKind {
  return isCode(value, LINE_KINDS);
}

function money(value: string | null | undefined): bigint | null {
  const text = value?.trim();
  if (!text || !MONEY_INPUT.test(text)) return null;
  return parseMoney(text);
}

function quantity(value: number | null | undefined): bigint | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? BigInt(value) : null;
}

/** Settlement value of one line in fen, or null while it is incomplete. */
export function lineSettlementFen(line: LineDraft): bigint | null {
  if (!isLineKind(line.kind)) return null;
  switch (line.kind) {
    case 'compensation':
    case 'discount':
      return money(line.amount);
    case 'return':
    case 'resend': {
      const q = quantity(line.quantity);
      const price = money(line.unit_price);
      return q === null || price === null ? null : q * price;
    }
    case 'rework': {
      const amount = money(line.amount);
      if (amount === null) return null;
      const transport = line.transport_cost?.trim() ? money(line.transport_cost) : 0n;
      return transport === null ? null : amount + transport;
    }
  }
}

export function lineSettlement(line: LineDraft): string | null {
  const fen = lineSettlementFen(line);
  return fen === null ? null : fenToDecimal(fen);
}

export interface Totals {
  /** Sum of the complete lines, decimal string. */
  settlement: string;
  /** Every line is complete (the total is final). */
  complete: boolean;
}

export function settlementTotal(lines: readonly (LineDraft | undefined)[]): Totals {
  let sum = 0n;
  let complete = lines.length > 0;
  for (const line of lines) {
    const fen = line ? lineSettlementFen(line) : null;
    if (fen === null) complete = false;
    else sum += fen;
  }
  return { settlement: fenToDecimal(sum), complete };
}

function trimmed(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** The wire line: only the inputs the kind uses. */
export function toLineRequest(line: LineDraft): Schemas['LineRequest'] {
  const kind = isLineKind(line.kind) ? line.kind : 'compensation';
  const fields = LINE_FIELDS[kind];
  const request: Schemas['LineRequest'] = { kind, remarks: trimmed(line.remarks) };
  if (fields.includes('quantity')) request.quantity = line.quantity ?? null;
  if (fields.includes('unit_price')) request.unit_price = trimmed(line.unit_price);
  if (fields.includes('amount')) request.amount = trimmed(line.amount);
  if (fields.includes('transport_cost')) request.transport_cost = trimmed(line.transport_cost);
  return request;
}

/** Back from the case's recorded lines into editable drafts (re-proposal). */
export function fromLineView(line: Schemas['ResolutionLineView']): LineDraft {
  return {
    kind: isLineKind(line.kind) ? line.kind : null,
    quantity: line.quantity ?? null,
    unit_price: line.unit_price?.amount ?? null,
    amount: line.amount?.amount ?? null,
    transport_cost: line.transport_cost?.amount ?? null,
    remarks: line.remarks ?? null,
  };
}

/** Lines whose goods come back, so a return application may follow: 退回, 补送 (an exchange), 重修. */
export const RETURNABLE_KINDS: readonly LineKind[] = ['return', 'resend', 'rework'];

const DECIDED: readonly Schemas['State'][] = ['customer_negotiation', 'awaiting_countersign', 'awaiting_close', 'closed'];

/** Approved and still standing (not sent back for a new proposal): as the server asks before a return application. */
export function resolutionApproved(c: Pick<Schemas['ComplaintView'], 'state' | 'approval'>): boolean {
  return !!c.approval.approved_at && DECIDED.includes(c.state);
}
