import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { deliveryView, ME, preferencesView } from './fixtures';

function serve(items: Schemas['NoticeDeliveryView'][]) {
  signInForTests({ ...ME, roles: [...ME.roles] });
  mockApi({
    '/api/v1/me/notice-preferences': () => jsonResponse(200, preferencesView()),
    '/api/v1/me/notice-deliveries': () => jsonResponse(200, { items }),
    '/api/v1/me/notice-digests': () => jsonResponse(200, { items: [] }),
    '/api/v1/bonus-ledger': () => jsonResponse(200, []),
  });
}

const log = async () => (await screen.findByRole('heading', { level: 3, name: '发送记录' })).closest('section') as HTMLElement;

describe('发送记录', () => {
  it('lists my latest e-mails: when, what, where, how each stands and why it is not sent yet', async () => {
    serve([
      deliveryView(3, { kind: 'major_alert', status: 'failed', attempts: 5, last_error: '550 mailbox unavailable', sent_at: null, created_at: '2026-12-08T01:00:00Z' }),
      deliveryView(2, { kind: 'first_reply_late', status: 'pending', attempts: 1, last_error: 'connection timed out', sent_at: null, created_at: '2026-12-07T08:30:00Z' }),
      deliveryView(1, { kind: 'reminder', last_error: 'an earlier try timed out' }),
    ]);
    await renderApp('/me');
    const section = await log();
    await within(section).findByText('550 mailbox unavailable');
    expect(within(section).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['时间', '类型', '收件地址', '状态', '尝试次数']);
    const rows = within(section).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(rows[0]!)).toEqual(['2026-12-08 09:00', '重大投诉预警', 'qa@example.com', '发送失败550 mailbox unavailable', '5']);
    expect(cells(rows[1]!)).toEqual(['2026-12-07 16:30', '首次回复逾期', 'qa@example.com', '待重试connection timed out', '1']);
    // A sent one keeps no error to show.
    expect(cells(rows[2]!)).toEqual(['2026-12-07 13:05', '催办单', 'qa@example.com', '已发送', '1']);
    expect(within(rows[0]!).getByText('发送失败')).toHaveClass('ant-tag-red');
    expect(within(rows[2]!).getByText('已发送')).toHaveClass('kehu-notice-log__tag', 'ant-tag-green');
  });

  it('says when nothing was sent', async () => {
    serve([]);
    await renderApp('/me');
    expect(await within(await log()).findByText('暂无邮件发送记录')).toBeInTheDocument();
  });
});
