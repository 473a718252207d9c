import { Alert, Table, type TableProps } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { DeliveryStatus } from '../lib/kinds';
import { DeliveryStatusTag } from './DeliveryStatusTag';

/** What every sent e-mail shows: where it went, where it stands, how often it was tried. */
interface Sent {
  id: number;
  address: string;
  status: DeliveryStatus;
  attempts: number;
  last_error?: string | null;
}

interface Props<T extends Sent> {
  title: string;
  hint: string;
  empty: string;
  /** The columns before the shared ones (address, status, attempts). */
  columns: NonNullable<TableProps<T>['columns']>;
  log: { data?: T[]; isPending: boolean; isError: boolean; error: unknown };
}

/** A log of what was sent to me (the e-mails, the digests): newest first, with why one is not sent yet. */
export function SendLog<T extends Sent>({ title, hint, empty, columns, log }: Props<T>) {
  const { t } = useTranslation();
  const headingId = useId();
  const all: TableProps<T>['columns'] = [
    ...columns,
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
        {title}
      </h3>
      <p className="kehu-notice-prefs__hint">{hint}</p>
      {log.isError && <Alert type="error" showIcon message={problemToFormErrors(log.error, t).message} className="kehu-gap" />}
      <Table<T>
        rowKey="id"
        size="small"
        loading={log.isPending}
        columns={all}
        dataSource={log.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: empty }}
      />
    </section>
  );
}
