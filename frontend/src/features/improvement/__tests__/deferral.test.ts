import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { deferralBody, deferralField, isDeferrableDay, mayDecideDeferrals } from '../lib/deferral';

describe('a deferral request', () => {
  const today = dayjs('2026-12-10T15:00:00');

  it('offers the days from tomorrow to 365 days ahead, as the server accepts', () => {
    expect(isDeferrableDay(dayjs('2026-12-10'), today)).toBe(false);
    expect(isDeferrableDay(dayjs('2026-12-09'), today)).toBe(false);
    expect(isDeferrableDay(dayjs('2026-12-11'), today)).toBe(true);
    expect(isDeferrableDay(dayjs('2027-12-10'), today)).toBe(true);
    expect(isDeferrableDay(dayjs('2027-12-11'), today)).toBe(false);
  });

  it('sends the reason trimmed and the day as a plain date', () => {
    expect(deferralBody({ reason: ' 等待客户验证 ', follow: 'monitor', until_on: dayjs('2027-03-31') })).toEqual({
      reason: '等待客户验证',
      follow: 'monitor',
      until_on: '2027-03-31',
    });
  });

  it('places the server’s `until` at the day field', () => {
    expect(deferralField('until')).toBe('until_on');
    expect(deferralField('reason')).toBe('reason');
  });

  it('is decided by the deputy GM and the GM only', () => {
    expect(mayDecideDeferrals(['deputy_gm'])).toBe(true);
    expect(mayDecideDeferrals(['sales', 'gm'])).toBe(true);
    expect(mayDecideDeferrals(['coordinator', 'qa_manager'])).toBe(false);
    expect(mayDecideDeferrals(undefined)).toBe(false);
  });
});
