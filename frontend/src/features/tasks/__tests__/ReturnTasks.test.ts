import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { waitingFor } from '../components/ReturnTasks';

type Summary = Schemas['ReturnSummary'];

const summary = (overrides: Partial<Summary>): Summary => ({
  id: 70,
  number: 'TH2612-0070',
  kind: 'return',
  state: 'approved',
  customer: { id: 1, name: '苏州精密机械有限公司' },
  raised_by: { id: 2, name: '钱业务' },
  reason: '整批退货',
  products: 'PCB-4L-1020',
  quantity: 500,
  total: { amount: '6250.00', currency: 'CNY' },
  overdue: false,
  created_at: '2026-12-01T02:00:00Z',
  note_number: 'CT2612-0070',
  note_state: 'booked',
  ...overrides,
});

describe('what a return task waits for', () => {
  it('names the handling step of received goods by the viewer’s roles', () => {
    expect(waitingFor(summary({}), 30, ['qa'])).toEqual(['returns.handlingTask.qa_inspection']);
    expect(waitingFor(summary({}), 30, ['engineering'])).toEqual(['returns.handlingTask.analysis']);
    expect(waitingFor(summary({ note_state: 'to_book' }), 30, ['gm'])).toEqual(['returns.handlingTask.plan_approval']);
    expect(waitingFor(summary({}), 30, ['production'])).toEqual(['returns.handlingTask.rework']);
    expect(waitingFor(summary({ note_state: 'awaits_decision' }), 30, ['warehouse'])).toEqual(['returns.handlingTask.re_receipt']);
    // PMC also may rework: the summary cannot tell which of the two waits.
    expect(waitingFor(summary({}), 30, ['production_manager'])).toEqual(['returns.handlingTask.scheduling', 'returns.handlingTask.rework']);
  });

  it('keeps the note’s own steps: accounting’s booking, the excess decision, the applicant’s proof, the warehouse’s receipt', () => {
    expect(waitingFor(summary({ note_state: 'to_book' }), 30, ['finance'])).toEqual(['returns.noteTask.to_book']);
    expect(waitingFor(summary({ note_state: 'awaits_decision' }), 30, ['gm'])).toEqual(['returns.noteTask.awaits_decision']);
    expect(waitingFor(summary({ note_state: 'to_book' }), 2, ['sales', 'qa'])).toEqual(['returns.noteTask.toProve']);
    expect(waitingFor(summary({ note_state: 'to_receive' }), 30, ['warehouse'])).toEqual(['returns.noteTask.to_receive']);
    expect(waitingFor(summary({ note_state: 'booked' }), 30, ['sales'])).toEqual(['returns.noteTask.booked']);
    expect(waitingFor(summary({ state: 'gm_approval', note_state: null, note_number: null }), 30, ['gm'])).toEqual([]);
  });
});
