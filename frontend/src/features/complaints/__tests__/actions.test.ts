import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import { ACTION_FORM, ACTIONS, actionTone, buildActionBody, isAction, nextState, orderActions, ratioSum } from '../lib/actions';

describe('workflow actions on the client', () => {
  it('gives every action of workflow.md a form', () => {
    expect(ACTIONS).toHaveLength(20);
    for (const action of ACTIONS) expect(ACTION_FORM[action]).toBeTruthy();
    expect(isAction('approve')).toBe(true);
    expect(isAction('create')).toBe(false);
  });

  it('maps each action to the body schema the server reads', () => {
    expect(ACTION_FORM.submit_for_approval).toBe('consolidate');
    expect(buildActionBody('submit_for_approval', { opinion: ' 同意 ' })).toEqual({ opinion: '同意' });
    expect(buildActionBody('submit_engineering_opinion', { opinion: 'ok' })).toEqual({ opinion: 'ok' });
    for (const action of ['declare_invalid', 'reject', 'send_back', 'withdraw'] as const) {
      expect(buildActionBody(action, { reason: ' 缺少交运数量 ', note: 'x' })).toEqual({ reason: '缺少交运数量' });
    }
    expect(buildActionBody('submit', {})).toEqual({ note: null });
    expect(buildActionBody('remind', { note: '请尽快' })).toEqual({ note: '请尽快' });
    expect(buildActionBody('close', { remarks: '' })).toEqual({ remarks: null });
    expect(ACTION_FORM.countersign).toBe('remarks');
    expect(buildActionBody('countersign', { remarks: ' 同意结案 ' })).toEqual({ remarks: '同意结案' });
    expect(buildActionBody('approve', { comment: '同意' })).toEqual({ comment: '同意' });
  });

  it('register: the non-quality cause only goes with a non-quality kind', () => {
    expect(buildActionBody('register', { severity: 'general', kind: 'quality', non_quality_cause: 'late_delivery' })).toEqual({
      severity: 'general',
      kind: 'quality',
      non_quality_cause: null,
      is_major: false,
      eight_d_requested: false,
      repeat_of: null,
      note: null,
    });
    expect(buildActionBody('register', { severity: 'severe', kind: 'non_quality', non_quality_cause: 'late_delivery', is_major: true, repeat_of: 3 })).toMatchObject({
      non_quality_cause: 'late_delivery',
      is_major: true,
      repeat_of: 3,
    });
  });

  it('register: an unset severity, kind or cause is not sent (the form requires them)', () => {
    expect(() => buildActionBody('register', { kind: 'quality' })).toThrow(ApiError);
    expect(() => buildActionBody('register', { severity: 'general' })).toThrow(ApiError);
    expect(() => buildActionBody('register', { severity: 'general', kind: 'non_quality' })).toThrow(ApiError);
  });

  it('conclude_investigation: responsible units with team, person, ratios and suppliers, and the countermeasure unit', () => {
    const body = buildActionBody('conclude_investigation', {
      defect_verified: true,
      cause: '模具磨损',
      findings: '',
      responsible: [
        { department_id: 5, team: ' 冲压一班 ', person_id: 31, ratio_percent: 70, supplier: ' 江苏华力铸造有限公司 ' },
        { department_id: 4, team: null, person_id: null, ratio_percent: 30, supplier: '  ' },
      ],
      engineering_needed: true,
    });
    expect(body).toEqual({
      defect_verified: true,
      cause: '模具磨损',
      findings: null,
      responsible: [
        { department_id: 5, team: '冲压一班', person_id: 31, ratio_percent: 70, supplier: '江苏华力铸造有限公司' },
        { department_id: 4, team: null, person_id: null, ratio_percent: 30, supplier: null },
      ],
      countermeasure_department_id: null,
      engineering_needed: true,
    });
    expect(ratioSum([{ ratio_percent: 70 }, { ratio_percent: 30 }, {}])).toBe(100);
    expect(ratioSum(undefined)).toBe(0);
  });

  it('dates become calendar days or instants as the body expects', () => {
    const day = dayjs('2026-11-20T15:30:00+08:00');
    expect(buildActionBody('record_outcome', { accepted: false, answered_on: day })).toEqual({
      accepted: false,
      answered_on: '2026-11-20',
      remarks: null,
    });
    expect(buildActionBody('confirm_invalid_notice', { method: 'letter', informed_on: day, remarks: '已寄出' })).toEqual({
      method: 'letter',
      informed_on: '2026-11-20',
      remarks: '已寄出',
    });
    expect(buildActionBody('record_containment', { measures: ['quarantine'], description: '隔离', taken_at: day })).toEqual({
      measures: ['quarantine'],
      description: '隔离',
      taken_at: '2026-11-20T07:30:00.000Z',
    });
  });

  it('propose_resolution sends the lines of their kind', () => {
    expect(buildActionBody('propose_resolution', { lines: [{ kind: 'compensation', amount: '120000.00', quantity: 3 }] })).toEqual({
      lines: [{ kind: 'compensation', amount: '120000.00', remarks: null }],
      note: null,
    });
  });

  it('orders the server list: forward steps first, then going back, then side actions', () => {
    expect(orderActions(['send_back', 'reject', 'approve', 'unknown'])).toEqual(['approve', 'reject', 'send_back']);
    expect(orderActions(['withdraw', 'record_containment', 'return_to_sales', 'declare_invalid', 'conclude_investigation'])).toEqual([
      'conclude_investigation',
      'return_to_sales',
      'declare_invalid',
      'record_containment',
      'withdraw',
    ]);
    expect(actionTone('approve')).toBe('primary');
    expect(actionTone('reject')).toBe('danger');
    expect(actionTone('remind')).toBe('default');
  });

  it('names the step that follows', () => {
    expect(nextState('submit_countermeasure', true)).toBe('engineering_review');
    expect(nextState('submit_countermeasure', false)).toBe('coordinator_review');
    expect(nextState('record_outcome', false, true)).toBe('awaiting_countersign');
    expect(nextState('countersign', false)).toBe('awaiting_close');
    expect(nextState('close', false)).toBe('closed');
    expect(nextState('record_outcome', false, false)).toBe('closed');
    expect(nextState('remind', false)).toBeNull();
  });
});
