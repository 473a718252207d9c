import type { i18n as I18n } from 'i18next';
import { matchRoutes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { routes } from '../../../app/router';
import { testI18n } from '../../../test/i18n';
import { noticeLink, noticeText } from '../lib/render';

type Notification = Schemas['NotificationView'];

/** Notices of the case's contacts with the customer (render.test.ts words and links the rest). */
function notice(kind: Notification['kind'], params: Record<string, string>): Notification {
  return { id: 1, kind, complaint_id: 7, params, title: 'server title', body: 'server body', created_at: '2026-12-06T06:00:00Z', read_at: null };
}

const CONTACT_KINDS = ['close_confirmation_due', 'first_reply_late', 'close_confirmation_late', 'close_not_confirmed'] as const;

let zh: I18n;
let en: I18n;
beforeAll(async () => {
  zh = await testI18n('zh-CN');
  en = await testI18n('en');
});

describe('customer contact notices', () => {
  it('word the close confirmation falling due, with its hours, in every language', async () => {
    const due = notice('close_confirmation_due', { number: '2611-0007', hours: '12' });
    expect(noticeText(zh.t, due)).toEqual({
      title: '回访确认关闭：2611-0007',
      body: '投诉 2611-0007 已结案，请在 12 小时内回访客户确认关闭，并发送满意度调查。',
    });
    expect(noticeText(en.t, due).body).toBe('Complaint 2611-0007 is closed. Within 12 hours, call the customer to confirm the close and send the satisfaction survey.');
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, due).title).toBe('回訪確認關閉：2611-0007');
  });

  it('word a late first reply or close confirmation', () => {
    expect(noticeText(zh.t, notice('first_reply_late', { number: '2611-0007' }))).toEqual({
      title: '首次回复逾期：2611-0007',
      body: '投诉 2611-0007 已超过首次回复时限，请尽快答复客户。',
    });
    expect(noticeText(zh.t, notice('close_confirmation_late', { number: '2611-0007' }))).toEqual({
      title: '回访确认逾期：2611-0007',
      body: '投诉 2611-0007 已超过回访确认时限，请尽快回访客户确认关闭。',
    });
    expect(noticeText(en.t, notice('first_reply_late', { number: '2611-0007' })).title).toBe('First reply overdue: 2611-0007');
  });

  it('word a customer who did not confirm the close with what they said, as written', async () => {
    const refused = notice('close_not_confirmed', { number: '2611-0007', summary: '客户认为补货数量不足 {{number}}' });
    expect(noticeText(zh.t, refused)).toEqual({ title: '客户未确认结案：2611-0007', body: '投诉 2611-0007：客户认为补货数量不足 {{number}}' });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, refused).title).toBe('客戶未確認結案：2611-0007');
    expect(noticeText(en.t, refused).title).toBe('Customer did not confirm the close: 2611-0007');
  });

  it('open the case at its customer contacts', () => {
    const route = (path: string) => matchRoutes(routes, path)?.at(-1)?.route.path;
    for (const kind of CONTACT_KINDS) {
      const link = noticeLink(notice(kind, { number: '2611-0007', hours: '12', summary: '数量不足' }));
      expect(link, kind).toBe('/complaints/7#section-contacts');
      expect(route(link!)).toBe('complaints/:id');
    }
  });
});
