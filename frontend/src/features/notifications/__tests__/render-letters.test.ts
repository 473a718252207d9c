import type { i18n as I18n } from 'i18next';
import { matchRoutes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { routes } from '../../../app/router';
import { testI18n } from '../../../test/i18n';
import { noticeLink, noticeText } from '../lib/render';

type Notification = Schemas['NotificationView'];

/** Notices of 催办单 and 洽办单 (render.test.ts words and links the rest). */
function notice(kind: Notification['kind'], params: Record<string, string>, overrides: Partial<Notification> = {}): Notification {
  return { id: 1, kind, complaint_id: null, params, title: 'server title', body: 'server body', created_at: '2026-12-06T06:00:00Z', read_at: null, ...overrides };
}

let zh: I18n;
let en: I18n;
beforeAll(async () => {
  zh = await testI18n('zh-CN');
  en = await testI18n('en');
});

describe('letter notices', () => {
  it('words a late-close inquiry’s answer in every language', async () => {
    const n = notice(
      'late_inquiry_answered',
      { number: 'KS-2026-0001', state: 'production_countermeasure', letter_id: '31', letter: 'QB2612-0001', answer: '等待模具修复' },
      { complaint_id: 1 },
    );
    expect(noticeText(zh.t, n)).toEqual({ title: '洽办单已回复：KS-2026-0001', body: '「待拟定对策」的逾期原因：等待模具修复' });
    expect(noticeText(en.t, n).title).toBe('Late-close inquiry answered: KS-2026-0001');
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, n).title).toBe('洽辦單已回覆：KS-2026-0001');
  });

  it('opens the letter of a reminder or inquiry, else its case', () => {
    const route = (path: string) => matchRoutes(routes, path)?.at(-1)?.route.path;
    const letter = { number: '2612-0007', state: 'production_countermeasure', letter_id: '31', letter: 'CB2612-0001' };
    const reminderLink = noticeLink(notice('reminder', letter, { complaint_id: 7 }));
    expect(reminderLink).toBe('/letters/31');
    expect(route(reminderLink!)).toBe('letters/:id');
    expect(noticeLink(notice('late_inquiry', { ...letter, letter: 'QB2612-0001' }, { complaint_id: 7 }))).toBe('/letters/31');
    expect(noticeLink(notice('late_inquiry_answered', { ...letter, letter: 'QB2612-0001', answer: '等料' }, { complaint_id: 7 }))).toBe('/letters/31');

    // Sent before letters were kept, or an id that is not one: the case, as before.
    expect(noticeLink(notice('reminder', { number: '2612-0007', state: 'draft' }, { complaint_id: 7 }))).toBe('/complaints/7');
    expect(noticeLink(notice('late_inquiry', { ...letter, letter_id: '' }, { complaint_id: 7 }))).toBe('/complaints/7');
    expect(noticeLink(notice('reminder', { ...letter, letter_id: '../settings' }, { complaint_id: 7 }))).toBe('/complaints/7');
    // Only these kinds open a letter.
    expect(noticeLink(notice('task', letter, { complaint_id: 7 }))).toBe('/complaints/7');
  });
});
