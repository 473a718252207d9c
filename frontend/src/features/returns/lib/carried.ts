/**
 * What an application raised from a complaint line carries over: the
 * customer, order, kind and goods, as the server takes them from the
 * complaint (crates/api/src/app/returns: form). Shown read-only.
 */
import type { Schemas } from '../../../api/types';
import { RETURNABLE_KINDS, resolutionApproved } from '../../complaints/lib/resolution';
import type { ReturnKind } from './states';

type Complaint = Schemas['ComplaintView'];

const KIND_OF_LINE: Partial<Record<Schemas['ResolutionKind'], ReturnKind>> = { return: 'return', resend: 'exchange', rework: 'rework' };

export interface CarriedItem {
  product_number: string | null;
  description: string | null;
  quantity: number | null;
  unit_price: Schemas['MoneyView'] | null;
}

export interface Carried {
  complaint: { id: number; number: string };
  /** 0-based, as the complaint lists its lines. */
  line: number;
  customer: string;
  kind: ReturnKind | null;
  orderNumber: string | null;
  items: CarriedItem[];
  /** Why the server will refuse it: the line is not one of goods, or the resolution is not approved. */
  problem: 'not_returnable' | 'not_approved' | null;
}

/** A complaint's line before the application exists; null when it has no such line. */
export function carriedFromComplaint(c: Complaint, line: number): Carried | null {
  const l = c.resolution.lines[line];
  if (!l) return null;
  const returnable = RETURNABLE_KINDS.includes(l.kind);
  return {
    complaint: { id: c.id, number: c.number ?? String(c.id) },
    line,
    customer: c.customer.name,
    kind: KIND_OF_LINE[l.kind] ?? null,
    orderNumber: c.intake.order_number ?? null,
    items: [
      {
        product_number: c.intake.product_number ?? null,
        description: l.remarks ?? c.intake.product_spec ?? null,
        quantity: l.quantity ?? c.intake.defective_quantity ?? null,
        unit_price: l.unit_price ?? null,
      },
    ],
    problem: !returnable ? 'not_returnable' : !resolutionApproved(c) ? 'not_approved' : null,
  };
}

/** A saved draft that came from a complaint line: its goods as stored. */
export function carriedFromReturn(r: Schemas['ReturnView']): Carried | null {
  if (!r.complaint || r.complaint_line === null || r.complaint_line === undefined) return null;
  return {
    complaint: { id: r.complaint.id, number: r.complaint.name },
    line: r.complaint_line,
    customer: r.customer.name,
    kind: r.kind,
    orderNumber: r.order_number ?? null,
    items: r.lines.map((l) => ({ product_number: l.product_number, description: l.description ?? null, quantity: l.quantity, unit_price: l.unit_price })),
    problem: null,
  };
}
