import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { standingCountersign } from '../lib/countersign';

const event = (seq: number, action: string, from_state: string, to_state: string) =>
  ({ seq, action, from_state, to_state, at: '', body: {} }) as unknown as Schemas['EventView'];

describe('the countersignature that stands', () => {
  it('is the last countersign, unless the case went back before it since', () => {
    const signed = event(2, 'countersign', 'awaiting_countersign', 'awaiting_close');
    expect(standingCountersign([])).toBeNull();
    expect(standingCountersign([event(1, 'record_outcome', 'customer_negotiation', 'awaiting_countersign'), signed])).toBe(signed);
    // Sent back from awaiting close: it must be countersigned again.
    expect(standingCountersign([signed, event(3, 'send_back', 'awaiting_close', 'awaiting_countersign')])).toBeNull();
    // An entry that does not move the case (a remark, a petition) leaves it standing.
    expect(standingCountersign([signed, event(3, 'raise_petition', 'awaiting_close', 'awaiting_close')])).toBe(signed);
    const again = event(4, 'countersign', 'awaiting_countersign', 'awaiting_close');
    expect(standingCountersign([again, signed, event(3, 'send_back', 'awaiting_close', 'awaiting_countersign')])).toBe(again);
  });
});
