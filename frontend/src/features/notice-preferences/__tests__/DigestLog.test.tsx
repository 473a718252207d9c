import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { digestView, ME, preferencesView } from './fixtures';

function serve(items: Schemas['NoticeDigestView'][]) {
  signInForTests({ ...ME, roles: [...ME.roles] });
  mockApi({
    '/api/v1/me/notice-preferences': () => jsonResponse(200, preferencesView()),
    '/api/v1/me/notice-deliveries': () => jsonResponse(200, { items: [] }),
    '/api/v1/me/notice-digests': () => jsonResponse(200, { items }),
    '/api/v1/bonus-ledger': () => jsonResponse(200, []),
  });
}

const log = async () => (await screen.findByRole('heading', { level: 3, name: '汇总邮件记录' })).closest('section') as HTMLElement;

describe('汇总邮件记录', () => {
  it('lists my latest digests below the e-mail log: the time each covers, how many notices, where, how each stands and why it is not sent yet', async () => {
    serve([
      digestView(3, { covers_from: '2026-12-08T00:00:00Z', covers_until: '2026-12-09T00:00:00Z', item_count: 12, status: 'failed', attempts: 5, last_error: '550 mailbox unavailable', sent_at: null }),
      digestView(2, { covers_from: '2026-12-07T00:00:00Z', covers_until: '2026-12-08T00:00:00Z', item_count: 1, status: 'pending', attempts: 2, last_error: 'connection timed out', sent_at: null }),
      digestView(1, { item_count: 3, last_error: 'an earlier try timed out' }),
    ]);
    await renderApp('/me');
    const section = await log();
    await within(section).findByText('550 mailbox unavailable');
    // Below 发送记录, in the same card.
    const deliveries = screen.getByRole('heading', { level: 3, name: '发送记录' });
    expect(deliveries.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section).getByText('最近 30 封汇总邮件，最新的在前。')).toBeInTheDocument();
    expect(within(section).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['时段', '条数', '收件地址', '状态', '尝试次数']);
    const rows = within(section).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    // In the company's time zone (UTC+8).
    expect(cells(rows[0]!)).toEqual(['2026-12-08 08:00 – 2026-12-09 08:00', '12', 'qa@example.com', '发送失败550 mailbox unavailable', '5']);
    expect(cells(rows[1]!)).toEqual(['2026-12-07 08:00 – 2026-12-08 08:00', '1', 'qa@example.com', '待重试connection timed out', '2']);
    // A sent one keeps no error to show.
    expect(cells(rows[2]!)).toEqual(['2026-12-06 08:00 – 2026-12-07 08:00', '3', 'qa@example.com', '已发送', '1']);
    expect(within(rows[0]!).getAllByRole('cell')[1]).toHaveStyle({ textAlign: 'right' });
    expect(within(rows[0]!).getByText('发送失败')).toHaveClass('kehu-notice-log__tag', 'ant-tag-red');
    expect(within(rows[2]!).getByText('已发送')).toHaveClass('ant-tag-green');
  });

  it('says when no digest was sent', async () => {
    serve([]);
    await renderApp('/me');
    expect(await within(await log()).findByText('暂无汇总邮件记录')).toBeInTheDocument();
  });
});
