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
  rule_set: 'business',
  note_number: 'CT2612-0070',
  note_state: 'booked',
  ...overrides,
});

describe('what a return task waits for', () => {
  it('names the handling step the goods stand at when the viewer’s roles take it', () => {
    expect(waitingFor(summary({ handling_state: 'qa_inspection' }), 30, ['qa'])).toEqual(['returns.handlingTask.qa_inspection']);
    expect(waitingFor(summary({ handling_state: 'analysis' }), 30, ['engineering'])).toEqual(['returns.handlingTask.analysis']);
    expect(waitingFor(summary({ note_state: 'to_book', handling_state: 'plan_approval' }), 30, ['gm'])).toEqual(['returns.handlingTask.plan_approval']);
    expect(waitingFor(summary({ handling_state: 'rework' }), 30, ['production'])).toEqual(['returns.handlingTask.rework']);
    expect(waitingFor(summary({ note_state: 'awaits_decision', handling_state: 're_receipt' }), 30, ['warehouse'])).toEqual(['returns.handlingTask.re_receipt']);
    // PMC may schedule and rework: the row's state says which one waits.
    expect(waitingFor(summary({ handling_state: 'scheduling' }), 30, ['production_manager'])).toEqual(['returns.handlingTask.scheduling']);
    expect(waitingFor(summary({ handling_state: 'rework' }), 30, ['production_manager'])).toEqual(['returns.handlingTask.rework']);
  });

  it('falls back to the note’s words when the handling step is someone else’s, done or not begun', () => {
    expect(waitingFor(summary({ handling_state: 'analysis' }), 30, ['qa'])).toEqual(['returns.noteTask.booked']);
    expect(waitingFor(summary({ handling_state: 'done' }), 30, ['warehouse'])).toEqual(['returns.noteTask.booked']);
    expect(waitingFor(summary({ handling_state: null }), 30, ['qa'])).toEqual(['returns.noteTask.booked']);
    expect(waitingFor(summary({ note_state: 'to_receive', handling_state: null }), 30, ['warehouse'])).toEqual(['returns.noteTask.to_receive']);
  });

  it('keeps the note’s own steps: accounting’s booking, the excess decision, the applicant’s proof, the warehouse’s receipt', () => {
    expect(waitingFor(summary({ note_state: 'to_book' }), 30, ['finance'])).toEqual(['returns.noteTask.to_book']);
    expect(waitingFor(summary({ note_state: 'awaits_decision' }), 30, ['gm'])).toEqual(['returns.noteTask.awaits_decision']);
    expect(waitingFor(summary({ note_state: 'to_book' }), 2, ['sales', 'qa'])).toEqual(['returns.noteTask.toProve']);
    expect(waitingFor(summary({ note_state: 'to_receive' }), 30, ['warehouse'])).toEqual(['returns.noteTask.to_receive']);
    expect(waitingFor(summary({ note_state: 'booked' }), 30, ['sales'])).toEqual(['returns.noteTask.booked']);
    expect(waitingFor(summary({ state: 'gm_approval', note_state: null, note_number: null }), 30, ['gm'])).toEqual([]);
  });

  it('names both when a note step and the handling step are the viewer’s at once', () => {
    expect(waitingFor(summary({ note_state: 'awaits_decision', handling_state: 'plan_approval' }), 30, ['gm'])).toEqual([
      'returns.noteTask.awaits_decision',
      'returns.handlingTask.plan_approval',
    ]);
  });

  it('words an approved application before its note: the applicant’s to issue, else customer service’s', () => {
    expect(waitingFor(summary({ note_state: null, note_number: null }), 2, ['sales'])).toEqual(['returns.noteTask.toIssue']);
    expect(waitingFor(summary({ note_state: null, note_number: null }), 30, ['customer_service'])).toEqual(['returns.service.pending']);
  });
});
