import type { Schemas } from '../../../api/types';

export const ME = { id: 7, display_name: '品保', department_name: '品保部', roles: ['qa'] as const };

export function preferencesView(overrides: Partial<Schemas['NoticePreferencesView']> = {}): Schemas['NoticePreferencesView'] {
  return {
    language: 'zh-CN',
    email_kinds: [],
    digest_kinds: [],
    digest_hour: 8,
    email_address: 'qa@example.com',
    email_available: true,
    version: 0,
    ...overrides,
  };
}

export function deliveryView(id: number, overrides: Partial<Schemas['NoticeDeliveryView']> = {}): Schemas['NoticeDeliveryView'] {
  return {
    id,
    notification_id: 100 + id,
    kind: 'reminder',
    channel: 'email',
    address: 'qa@example.com',
    status: 'delivered',
    attempts: 1,
    last_error: null,
    sent_at: '2026-12-07T05:06:00Z',
    created_at: '2026-12-07T05:05:00Z',
    ...overrides,
  };
}

export function digestView(id: number, overrides: Partial<Schemas['NoticeDigestView']> = {}): Schemas['NoticeDigestView'] {
  return {
    id,
    covers_from: '2026-12-06T00:00:00Z',
    covers_until: '2026-12-07T00:00:00Z',
    item_count: 3,
    address: 'qa@example.com',
    status: 'delivered',
    attempts: 1,
    last_error: null,
    sent_at: '2026-12-07T00:01:00Z',
    ...overrides,
  };
}
