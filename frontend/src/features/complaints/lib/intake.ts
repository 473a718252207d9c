/**
 * The complaint form (客户抱怨处理表, domain.md §4.1): antd form values to
 * the IntakeRequest and back, and the derived defect rate.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export const CHANNELS = everyCode<Schemas['Channel']>()(['phone', 'visit', 'mail', 'letter', 'store']);
export const CUSTOMER_REQUESTS = everyCode<Schemas['CustomerRequest']>()(['return', 'exchange', 'discount', 'compensation', 'rework']);
export const MARKETS = everyCode<Schemas['MarketCode']>()(['domestic', 'foreign']);

export interface IntakeValues {
  customer_id?: number;
  market?: Schemas['MarketCode'];
  channel?: Schemas['Channel'];
  order_number?: string;
  product_number?: string;
  product_spec?: string;
  ship_date?: Dayjs | null;
  quantity_shipped?: number | null;
  defective_quantity?: number | null;
  found_at?: string;
  description?: string;
  requests?: Schemas['CustomerRequest'][];
  request_quantity_undetermined?: boolean;
  claim_amount?: string;
  has_sample?: boolean;
  sample_return_required?: boolean;
}

/** The intake fields the form shows, as the server names them: all of the request's. */
export const INTAKE_FIELDS = everyCode<keyof Schemas['IntakeRequest']>()([
  'customer_id',
  'market',
  'channel',
  'order_number',
  'product_number',
  'product_spec',
  'ship_date',
  'quantity_shipped',
  'defective_quantity',
  'found_at',
  'description',
  'requests',
  'request_quantity_undetermined',
  'claim_amount',
  'has_sample',
  'sample_return_required',
]);

function text(value: string | undefined | null): string | null {
  const t = value?.trim();
  return t ? t : null;
}

function count(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function toIntakeRequest(v: IntakeValues): Schemas['IntakeRequest'] {
  return {
    customer_id: v.customer_id ?? 0,
    market: v.market ?? null,
    channel: v.channel ?? null,
    order_number: text(v.order_number),
    product_number: text(v.product_number),
    product_spec: text(v.product_spec),
    ship_date: v.ship_date ? v.ship_date.format('YYYY-MM-DD') : null,
    quantity_shipped: count(v.quantity_shipped),
    defective_quantity: count(v.defective_quantity),
    found_at: text(v.found_at),
    description: text(v.description),
    requests: v.requests ?? [],
    request_quantity_undetermined: v.request_quantity_undetermined ?? false,
    claim_amount: text(v.claim_amount),
    has_sample: v.has_sample ?? false,
    sample_return_required: (v.has_sample ?? false) && (v.sample_return_required ?? false),
  };
}

export function fromComplaint(c: Schemas['ComplaintView']): IntakeValues {
  const i = c.intake;
  return {
    customer_id: c.customer.id,
    market: c.market,
    channel: i.channel ?? undefined,
    order_number: i.order_number ?? undefined,
    product_number: i.product_number ?? undefined,
    product_spec: i.product_spec ?? undefined,
    ship_date: i.ship_date ? dayjs(i.ship_date) : null,
    quantity_shipped: i.quantity_shipped ?? null,
    defective_quantity: i.defective_quantity ?? null,
    found_at: i.found_at ?? undefined,
    description: i.description ?? undefined,
    requests: i.requests,
    request_quantity_undetermined: i.request_quantity_undetermined,
    claim_amount: i.claim_amount?.amount,
    has_sample: i.has_sample,
    sample_return_required: i.sample_return_required,
  };
}

/**
 * Defective ÷ shipped as a percentage with two decimals, rounded half up in
 * integer arithmetic as the server does ("2.50"); null when not computable.
 */
export function defectRatePercent(shipped: number | null | undefined, defective: number | null | undefined): string | null {
  if (typeof shipped !== 'number' || typeof defective !== 'number') return null;
  if (!Number.isSafeInteger(shipped) || !Number.isSafeInteger(defective) || shipped <= 0 || defective < 0) return null;
  const s = BigInt(shipped);
  const bp = (BigInt(defective) * 10_000n + s / 2n) / s;
  return `${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`;
}
