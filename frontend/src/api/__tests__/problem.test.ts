import { describe, expect, it } from 'vitest';
import { testI18n } from '../../test/i18n';
import {
  ApiError,
  fieldPath,
  formatRetryAfter,
  parseRetryAfter,
  problemToFormErrors,
  toAntdFields,
  toApiError,
  unwrap,
} from '../problem';
import type { FieldError, Problem } from '../types';

const validation: Problem = {
  type: 'https://kehu.dev/problems/validation_failed',
  title: 'Validation failed',
  status: 422,
  detail: '2 fields are invalid',
  code: 'validation_failed',
  errors: [
    { field: 'description', code: 'required', message: 'describe the defect or problem' },
    // A code from a newer server than this client knows.
    { field: 'lines[0].amount', code: 'amount_mismatch' as FieldError['code'], message: 'amount must equal quantity × unit price' },
    { field: 'lines[0].amount', code: 'too_long', message: 'too long' },
  ],
  request_id: 'req-7f9c',
};

describe('problemToFormErrors', () => {
  it('maps a 422 to a localised message and per-field messages', async () => {
    const { t } = await testI18n('zh-CN');
    const result = problemToFormErrors(new ApiError(422, validation), t);
    expect(result.message).toBe('请检查标出的字段');
    expect(result.fieldErrors).toEqual({
      description: '此项为必填', // known rule code: the user's language
      'lines[0].amount': 'amount must equal quantity × unit price; 内容过长', // unknown code: server text
    });
    expect(result).toMatchObject({ code: 'validation_failed', status: 422, requestId: 'req-7f9c' });
  });

  it('accepts a bare problem body too, in English', async () => {
    const { t } = await testI18n('en');
    const result = problemToFormErrors(validation, t);
    expect(result.message).toBe('Please check the marked fields.');
    expect(result.fieldErrors.description).toBe('This field is required');
  });

  it('falls back to the server detail for unknown codes', async () => {
    const { t } = await testI18n('zh-CN');
    const problem: Problem = { type: 'x', title: 'Odd', status: 418, detail: 'a teapot', code: 'teapot' as Problem['code'] };
    expect(problemToFormErrors(new ApiError(418, problem), t).message).toBe('a teapot');
  });

  it('says "network" when fetch itself failed', async () => {
    const { t } = await testI18n('zh-CN');
    expect(problemToFormErrors(new TypeError('Failed to fetch'), t).message).toBe('无法连接服务器，请检查网络后重试');
    expect(problemToFormErrors(new Error('?'), t).message).toBe('出错了，请稍后重试');
  });

  it('carries Retry-After of a 429', async () => {
    const { t } = await testI18n('zh-CN');
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '90' } });
    const problem: Problem = { type: 'x', title: 'Too many requests', status: 429, detail: 'd', code: 'rate_limited' };
    const result = problemToFormErrors(toApiError(problem, response), t);
    expect(result.retryAfterSeconds).toBe(90);
    expect(result.message).toBe('操作过于频繁，请稍后重试');
    expect(formatRetryAfter(90, t)).toBe('2 分钟');
    expect(formatRetryAfter(30, (await testI18n('en')).t)).toBe('30 seconds');
  });
});

describe('helpers', () => {
  it('turns field paths into antd name paths', () => {
    expect(fieldPath('lines[0].amount')).toEqual(['lines', 0, 'amount']);
    expect(fieldPath('customer.contacts[12].phone')).toEqual(['customer', 'contacts', 12, 'phone']);
    expect(toAntdFields({ 'lines[1].qty': 'bad' })).toEqual([{ name: ['lines', 1, 'qty'], errors: ['bad'] }]);
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(null)).toBeNull();
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('unwraps data or throws an ApiError', () => {
    expect(unwrap({ data: { count: 3 }, response: new Response('{}', { status: 200 }) })).toEqual({ count: 3 });
    expect(() => unwrap({ error: validation, response: new Response(null, { status: 422 }) })).toThrow(ApiError);
  });
});
