import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import { approvedComplaint } from '../../returns/__tests__/fixtures';

type Contact = Schemas['CaseContactView'];

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** The first reply to the customer of case 2611-0007, its clock started at the registration: nothing recorded yet. */
export function firstReply(overrides: Partial<Contact> = {}): Contact {
  return {
    kind: 'first_reply',
    status: 'open',
    opened_at: '2026-12-01T01:00:00Z',
    due_at: '2026-12-02T01:00:00Z',
    contacted_at: null,
    method: null,
    summary: null,
    promised_on: null,
    confirmed: null,
    survey: null,
    recorded_by: null,
    recorded_at: null,
    reminded_at: null,
    can_record: true,
    can_send_survey: false,
    version: 1,
    ...overrides,
  };
}

/** The same first reply, its clock started two hours ago (the form's time defaults to now, after it). */
export function recentFirstReply(overrides: Partial<Contact> = {}): Contact {
  return firstReply({ opened_at: ago(2), due_at: ago(-22), ...overrides });
}

/** The first reply, recorded by the salesperson in time. */
export function recordedFirstReply(overrides: Partial<Contact> = {}): Contact {
  return firstReply({
    status: 'done',
    contacted_at: '2026-12-01T06:30:00Z',
    method: 'phone',
    summary: '已电话告知客户正在调查，下周给出处理方案。',
    promised_on: '2026-12-08',
    recorded_by: { id: 1, name: '张业务' },
    recorded_at: '2026-12-01T06:40:00Z',
    can_record: false,
    version: 2,
    ...overrides,
  });
}

/** The close confirmation after the case closed resolved: late, nothing recorded, no survey yet. */
export function closeConfirmation(overrides: Partial<Contact> = {}): Contact {
  return {
    ...firstReply(),
    kind: 'close_confirmation',
    status: 'late',
    opened_at: ago(30),
    due_at: '2026-12-05T04:00:00Z',
    reminded_at: '2026-12-05T05:00:00Z',
    can_record: true,
    can_send_survey: true,
    version: 3,
    ...overrides,
  };
}

/** The close confirmation recorded late: the customer did not confirm; the survey answered. */
export function recordedCloseConfirmation(overrides: Partial<Contact> = {}): Contact {
  return closeConfirmation({
    status: 'done_late',
    contacted_at: '2026-12-05T08:00:00Z',
    method: 'visit',
    summary: '客户认为补货数量不足，不同意结案。',
    confirmed: false,
    recorded_by: { id: 1, name: '张业务' },
    recorded_at: '2026-12-05T09:00:00Z',
    can_record: false,
    can_send_survey: false,
    survey: {
      id: 9,
      sent_at: '2026-12-05T09:05:00Z',
      expires_at: '2026-12-19T09:05:00Z',
      answered_at: '2026-12-06T02:00:00Z',
      scores: { quality: 4, delivery: 2, price: 3, service: 5, comparison: 3, other: 4 },
    },
    version: 5,
    ...overrides,
  });
}

export interface Served {
  contacts: () => Contact[];
  complaint?: () => object;
  events?: object[];
  record?: (call: Call) => Response;
  survey?: (call: Call) => Response;
  /** More routes (a case action). */
  more?: Record<string, (call: Call) => Response>;
}

/** Case 7 for its salesperson, with its contacts and the answers to recording one and sending the survey. */
export function serveCase({ contacts, complaint = approvedComplaint, events = [], record, survey, more = {} }: Served): Call[] {
  signInForTests({ id: 1, display_name: '张业务', department_id: 1, department_name: '业务一部', roles: ['sales'] });
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint()),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: events, next_cursor: null }),
    '/api/v1/complaints/7/customer-contacts': () => jsonResponse(200, { items: contacts() }),
    ...(record
      ? { 'POST /api/v1/complaints/7/customer-contacts/first_reply': record, 'POST /api/v1/complaints/7/customer-contacts/close_confirmation': record }
      : {}),
    ...(survey ? { 'POST /api/v1/complaints/7/customer-contacts/close_confirmation/survey-link': survey } : {}),
    ...more,
  });
}

export const contactReads = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/complaints/7/customer-contacts').length;
export const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
