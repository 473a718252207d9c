import { Alert, Table, type TableProps } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useNoticeDigests } from '../api/queries';
import { DeliveryStatusTag } from './DeliveryStatusTag';

type Digest = Schemas['NoticeDigestView'];

/** 汇总邮件记录: my latest daily digests, newest first: the time each covers, how many notices, where each stands and, while it is not sent, why. */
export function DigestLog() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const log = useNoticeDigests();
  const columns: TableProps<Digest>['columns'] = [
    {
      key: 'period',
      title: t('pages.me.notices.digestPeriod'),
      width: 240,
      render: (_, d) => `${formatDateTime(d.covers_from, i18n.language)} – ${formatDateTime(d.covers_until, i18n.language)}`,
    },
    { key: 'count', title: t('pages.me.notices.digestCount'), align: 'right', width: 70, render: (_, d) => d.item_count },
    { key: 'address', title: t('pages.me.notices.address'), className: 'kehu-notice-log__address', render: (_, d) => d.address },
    {
      key: 'status',
      title: t('pages.me.notices.statusLabel'),
      render: (_, d) => (
        <>
          <DeliveryStatusTag status={d.status} />
          {d.status !== 'delivered' && d.last_error && <div className="kehu-notice-log__error">{d.last_error}</div>}
        </>
      ),
    },
    { key: 'attempts', title: t('pages.me.notices.attempts'), align: 'right', width: 90, render: (_, d) => d.attempts },
  ];

  return (
    <section aria-labelledby={headingId} className="kehu-notice-log">
      <h3 id={headingId} className="kehu-notice-prefs__h3">
        {t('pages.me.notices.digestLog')}
      </h3>
      <p className="kehu-notice-prefs__hint">{t('pages.me.notices.digestLogHint')}</p>
      {log.isError && <Alert type="error" showIcon message={problemToFormErrors(log.error, t).message} className="kehu-gap" />}
      <Table<Digest>
        rowKey="id"
        size="small"
        loading={log.isPending}
        columns={columns}
        dataSource={log.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('pages.me.notices.digestEmpty') }}
      />
    </section>
  );
}
