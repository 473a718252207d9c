import { describe, expect, it } from 'vitest';
import { ApiError, problemToFormErrors } from '../../api/problem';
import type { Schemas } from '../../api/types';
import { everyCode, isCode } from '../codes';
import { requiredValue } from '../required';

describe('lists of the server codes', () => {
  it('keeps the order given and knows its members', () => {
    const severities = everyCode<Schemas['Severity']>()(['severe', 'general', 'incidental']);
    expect(severities).toEqual(['severe', 'general', 'incidental']);
    expect(isCode('general', severities)).toBe(true);
    expect(isCode('urgent', severities)).toBe(false);
    expect(isCode(undefined, severities)).toBe(false);
  });

  it('refuses a list that leaves a code out or names one the server does not have', () => {
    // @ts-expect-error 'incidental' is missing
    everyCode<Schemas['Severity']>()(['severe', 'general']);
    // @ts-expect-error 'urgent' is not a Severity
    everyCode<Schemas['Severity']>()(['severe', 'general', 'incidental', 'urgent']);
  });
});

describe('a required form value', () => {
  it('passes a value through and fails a missing one as the server would', () => {
    expect(requiredValue<Schemas['Severity']>('severe', 'severity')).toBe('severe');
    let failure: unknown;
    try {
      requiredValue<Schemas['Severity']>(undefined, 'severity');
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(ApiError);
    const t = (key: string) => key;
    expect(problemToFormErrors(failure, t)).toMatchObject({ status: 422, fieldErrors: { severity: 'validation.required' } });
  });
});
