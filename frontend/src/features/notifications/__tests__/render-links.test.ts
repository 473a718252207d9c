import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { noticeLink } from '../lib/render';
import { notice } from './notice';

/** Where each notice leads (render.test.ts words them). */
const customer = { customer_id: '2', customer: '苏州精密机械' };

describe('noticeLink', () => {
  const route = (path: string) => matchRoutes(routes, path)?.at(-1)?.route.path;

  it('leads to the case, else the customer, else nowhere', () => {
    const caseLink = noticeLink(notice('reminder', { number: 'KS-1', state: 'draft', customer_id: '2' }, { complaint_id: 7 }));
    expect(caseLink).toBe('/complaints/7');
    expect(route(caseLink!)).toBe('complaints/:id');

    const customerLink = noticeLink(notice('customer_claimed', { ...customer, by: '钱业务' }));
    expect(customerLink).toBe('/customers/2');
    expect(route(customerLink!)).toBe('customers/:id');

    const returnLink = noticeLink(notice('return_task', { return_id: '4', number: 'TH2612-0001', customer: '苏州精密机械', return_state: 'marketing_review' }));
    expect(returnLink).toBe('/returns/4');
    expect(route(returnLink!)).toBe('returns/:id');

    // A return note step opens its application, like the application's own steps.
    const noteLink = noticeLink(notice('return_note_task', { return_id: '4', number: 'CT2612-0001', customer: '苏州精密机械', note_state: 'to_book' }));
    expect(noteLink).toBe('/returns/4');
    expect(route(noteLink!)).toBe('returns/:id');

    // A handling step opens its application too.
    const handlingLink = noticeLink(notice('return_handling_task', { return_id: '4', number: 'TH2612-0001', customer: '苏州精密机械', handling_state: 'qa_inspection' }));
    expect(handlingLink).toBe('/returns/4');
    expect(route(handlingLink!)).toBe('returns/:id');

    const allowanceLink = noticeLink(notice('allowance_task', { allowance_id: '2', number: 'ZR2612-0001', customer: '苏州精密机械', allowance_state: 'signed' }));
    expect(allowanceLink).toBe('/allowances/2');
    expect(route(allowanceLink!)).toBe('allowances/:id');

    // A penalty run's step opens the run.
    const runLink = noticeLink(notice('penalty_review', { run_id: '9', month: '2026-11' }));
    expect(runLink).toBe('/penalties/9');
    expect(route(runLink!)).toBe('penalties/:id');

    // A period's statistics open the report of that period.
    expect(noticeLink(notice('weekly_report', { week: '2026-11-30' }))).toBe('/reports/weekly?week=2026-11-30');
    expect(noticeLink(notice('monthly_report', { month: '2026-11' }))).toBe('/reports?month=2026-11');
    expect(noticeLink(notice('weekly_report', { week: 'javascript:x' }))).toBeNull();

    // A notice about the case's 8D report opens the report.
    const reportLink = noticeLink(notice('eight_d_review', { number: '2611-0007', name: '2611-0007-BRK-1' }, { complaint_id: 7 }));
    expect(reportLink).toBe('/complaints/7/8d');
    expect(route(reportLink!)).toBe('complaints/:id/8d');

    // A check falling due opens the case at its improvement tracking; a failed one the new case it raised.
    const dueLink = noticeLink(notice('effectiveness_due', { number: '2611-0007', due_on: '2027-01-19' }, { complaint_id: 7 }));
    expect(dueLink).toBe('/complaints/7#section-tracking');
    expect(route(dueLink!)).toBe('complaints/:id');
    const failedLink = noticeLink(notice('effectiveness_failed', { number: '2611-0007', follow_up_id: '12', evidence: '毛刺' }, { complaint_id: 7 }));
    expect(failedLink).toBe('/complaints/12');
    expect(route(failedLink!)).toBe('complaints/:id');
    expect(noticeLink(notice('effectiveness_failed', { number: '2611-0007', follow_up_id: '', evidence: '毛刺' }, { complaint_id: 7 }))).toBe(
      '/complaints/7#section-tracking',
    );

    // A deferral request opens the case where the deputy GM decides it; the decision the case.
    const deferralLink = noticeLink(notice('deferral_request', { number: '2611-0007', until: '2027-03-31', reason: '待验证' }, { complaint_id: 7 }));
    expect(deferralLink).toBe('/complaints/7#section-tracking');
    expect(route(deferralLink!)).toBe('complaints/:id');
    const decidedLink = noticeLink(notice('deferral_decided', { number: '2611-0007', outcome: 'approved', until: '2027-03-31', comment: '' }, { complaint_id: 7 }));
    expect(decidedLink).toBe('/complaints/7');

    // A petition, raised or decided, opens the case at its petitions.
    const raisedLink = noticeLink(notice('petition_raised', { number: '2611-0007', department: '品保部', subject: '异议' }, { complaint_id: 7 }));
    expect(raisedLink).toBe('/complaints/7#section-petitions');
    expect(route(raisedLink!)).toBe('complaints/:id');
    const petitionLink = noticeLink(notice('petition_decided', { number: '2611-0007', subject: '异议', decision: '', returned_to: '' }, { complaint_id: 7 }));
    expect(petitionLink).toBe('/complaints/7#section-petitions');

    // A supplier request to send, or an answer to review, opens the case at its supplier requests.
    const supplierLink = noticeLink(notice('supplier_request', { number: '2611-0007', supplier: '华力铸造', due_on: '2027-01-06' }, { complaint_id: 7 }));
    expect(supplierLink).toBe('/complaints/7#section-suppliers');
    expect(route(supplierLink!)).toBe('complaints/:id');
    expect(noticeLink(notice('supplier_answered', { number: '2611-0007', supplier: '华力铸造' }, { complaint_id: 7 }))).toBe('/complaints/7#section-suppliers');

    expect(noticeLink(notice('customer_handover', { count: '3', from: '张业务' }))).toBeNull();
    expect(noticeLink(notice('reminder', {}, { title: '旧通知', body: '' }))).toBeNull();
  });
});
