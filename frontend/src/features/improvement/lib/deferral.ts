import dayjs, { type Dayjs } from 'dayjs';
import type { Role, Schemas } from '../../../api/types';
import type { Follow } from './marks';

/** The server's limit on how far a closure may be deferred. */
export const MAX_DEFERRAL_DAYS = 365;

export type DeferralAction = Schemas['DeferralAction'];

/** The request drawer's form: the day as the date picker holds it. */
export interface DeferralValues {
  reason?: string;
  follow?: Follow;
  until_on?: Dayjs | null;
}

/** A day the server accepts: after today, at most 365 days ahead. */
export function isDeferrableDay(day: Dayjs, today: Dayjs = dayjs()): boolean {
  const first = today.add(1, 'day').startOf('day');
  const last = today.add(MAX_DEFERRAL_DAYS, 'day').endOf('day');
  return !day.isBefore(first) && !day.isAfter(last);
}

export function deferralBody(values: DeferralValues): Schemas['DeferralBody'] {
  return {
    reason: (values.reason ?? '').trim(),
    follow: values.follow ?? 'watch',
    until_on: values.until_on ? values.until_on.format('YYYY-MM-DD') : '',
  };
}

/** The server names the day `until`; the form field is `until_on`. */
export function deferralField(field: string): string {
  return field === 'until' ? 'until_on' : field;
}

/** Who decides deferrals (and so has the box in My tasks): the deputy GM and the GM. */
export function mayDecideDeferrals(roles: readonly Role[] | undefined): boolean {
  return !!roles?.some((r) => r === 'deputy_gm' || r === 'gm');
}
