/**
 * Customer service's part of an approved application: the on-site
 * inspection (部件清单表, signed by the customer) and the originals collected.
 */
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type Condition = Schemas['Condition'];
export type Original = Schemas['Original'];

export const CONDITIONS = everyCode<Condition>()(['good', 'defective']);
/** In the order of the paper form: 合同, 收据, 送货单, 保修卡, 装箱单. */
export const ORIGINALS = everyCode<Original>()(['contract', 'receipt', 'delivery_note', 'warranty_card', 'packing_list']);
/** The server takes at most this many parts. */
export const MAX_PARTS = 100;

export interface PartValues {
  part?: string;
  expected?: number | null;
  present?: number | null;
}

export interface InspectionValues {
  function?: Condition;
  function_note?: string;
  appearance?: Condition;
  appearance_note?: string;
  parts?: PartValues[];
  signed_by?: string;
  signed_on?: Dayjs;
}

/** The form's fields, as the server names them (before any `[` or `.`). */
export const INSPECTION_FIELDS = ['function', 'function_note', 'appearance', 'appearance_note', 'parts', 'signed_by', 'signed_on'] as const;

const trimmed = (v: string | undefined) => v?.trim() || null;

/** The validated form as the API's InspectionInput. */
export function inspectionBody(v: InspectionValues): Schemas['InspectionInput'] {
  return {
    function: v.function!,
    function_note: trimmed(v.function_note),
    appearance: v.appearance!,
    appearance_note: trimmed(v.appearance_note),
    parts: (v.parts ?? []).map((p) => ({ part: p.part?.trim() ?? '', expected: p.expected ?? 0, present: p.present ?? 0 })),
    signed_by: trimmed(v.signed_by),
    signed_on: v.signed_on ? v.signed_on.format('YYYY-MM-DD') : null,
  };
}

/** The ticked originals in the canonical order, each once. */
export function canonicalOriginals(ticked: readonly Original[]): Original[] {
  return ORIGINALS.filter((o) => ticked.includes(o));
}

export function sameOriginals(a: readonly Original[], b: readonly Original[]): boolean {
  const x = canonicalOriginals(a);
  const y = canonicalOriginals(b);
  return x.length === y.length && x.every((o, i) => o === y[i]);
}
