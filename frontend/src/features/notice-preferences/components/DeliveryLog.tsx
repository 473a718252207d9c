import { Alert, Table, type TableProps } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useNoticeDeliveries } from '../api/queries';
import { DeliveryStatusTag } from './DeliveryStatusTag';

type Delivery = Schemas['NoticeDeliveryView'];

/** 发送记录: my latest e-mails, newest first, with where each stands and, while it is not sent, why. */
export function DeliveryLog() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const log = useNoticeDeliveries();
  const columns: TableProps<Delivery>['columns'] = [
    {
      key: 'time',
      title: t('pages.me.notices.time'),
      width: 150,
      render: (_, d) => formatDateTime(d.created_at, i18n.language),
    },
    { key: 'kind', title: t('pages.me.notices.kind'), render: (_, d) => t(`noticeKinds.${d.kind}`, { defaultValue: d.kind }) },
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
        {t('pages.me.notices.log')}
      </h3>
      <p className="kehu-notice-prefs__hint">{t('pages.me.notices.logHint')}</p>
      {log.isError && <Alert type="error" showIcon message={problemToFormErrors(log.error, t).message} className="kehu-gap" />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isPending}
        columns={columns}
        dataSource={log.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('pages.me.notices.empty') }}
      />
    </section>
  );
}
