/**
 * 客户沟通: the case's contacts with the customer. 首次回复 (the first answer,
 * with the date a full answer is promised for) runs from the registration;
 * 回访确认关闭 (the customer confirms the outcome, and is sent a satisfaction
 * survey) from a resolved close. Who may record one comes from the server
 * (`can_record`, `can_send_survey`); these are the form's shapes.
 */
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

/** The complaint page's card: notices about a contact open the case there. */
export const CONTACTS_SECTION = 'section-contacts';

export type Contact = Schemas['CaseContactView'];
export type ContactKind = Schemas['ContactKind'];
export type ContactStatus = Schemas['ContactStatus'];
export type ContactMethod = Schemas['ContactMethod'];

/** The methods in the order the select offers them. */
export const CONTACT_METHODS = everyCode<ContactMethod>()(['phone', 'email', 'visit', 'message', 'other']);

/** The server's limit on the summary. */
export const MAX_SUMMARY = 2000;

/** The record form: the times as the pickers hold them. */
export interface ContactValues {
  contacted_at?: Dayjs | null;
  method?: ContactMethod;
  summary?: string;
  promised_on?: Dayjs | null;
  confirmed?: boolean;
}

/** The fields each kind's form shows (and so where the server's 422 messages go). */
export const CONTACT_FIELDS: Record<ContactKind, readonly (keyof ContactValues)[]> = {
  first_reply: ['contacted_at', 'method', 'summary', 'promised_on'],
  close_confirmation: ['contacted_at', 'method', 'summary', 'confirmed'],
};

/**
 * The POST body: a first reply carries the promised date and no answer, a
 * close confirmation the customer's answer and no date (the server refuses
 * the other's field). The form's rules have required the rest.
 */
export function contactBody(kind: ContactKind, v: ContactValues): Schemas['CaseContactBody'] {
  const common = {
    contacted_at: v.contacted_at ? v.contacted_at.toISOString() : '',
    method: v.method ?? 'other',
    summary: (v.summary ?? '').trim(),
  };
  return kind === 'first_reply'
    ? { ...common, promised_on: v.promised_on ? v.promised_on.format('YYYY-MM-DD') : null }
    : { ...common, confirmed: v.confirmed ?? null };
}

/** Whether the contact has been recorded (its facts show in place of the wait). */
export function isRecorded(c: Pick<Contact, 'status' | 'contacted_at'>): boolean {
  return c.status === 'done' || c.status === 'done_late' || !!c.contacted_at;
}

/** The status tag's colour: preset tags, two with darker text (contacts.css) to keep WCAG AA contrast. */
export const STATUS_COLOR: Record<ContactStatus, string> = {
  open: 'blue',
  late: 'red',
  done: 'green',
  done_late: 'orange',
};

/** The contacts in the order they happen: the first reply, then the close confirmation. */
export function inOrder(items: readonly Contact[]): Contact[] {
  const rank: Record<ContactKind, number> = { first_reply: 0, close_confirmation: 1 };
  return [...items].sort((a, b) => rank[a.kind] - rank[b.kind]);
}
