import type { Schemas } from '../../../api/types';

type Notification = Schemas['NotificationView'];

/** A notification as the server sends it; its own title/body say "server" so a test can tell them apart. */
export function notice(kind: Notification['kind'], params: Record<string, string>, overrides: Partial<Notification> = {}): Notification {
  return {
    id: 1,
    kind,
    complaint_id: null,
    params,
    title: 'server title',
    body: 'server body',
    created_at: '2026-12-06T06:00:00Z',
    read_at: null,
    ...overrides,
  };
}
