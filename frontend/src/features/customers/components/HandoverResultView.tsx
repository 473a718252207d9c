import { Button, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';

type Row = Schemas['NotifyRow'];

/** The customers as a table: code, name, contact, phone. */
export function NotifyTable({ rows, caption }: { rows: Row[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      rowKey="customer_id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 560 }}
      title={caption ? () => <strong>{caption}</strong> : undefined}
      locale={{ emptyText: t('customers.handover.noCustomers') }}
      columns={[
        { key: 'code', title: t('customers.code'), dataIndex: 'code', width: 110 },
        { key: 'name', title: t('customers.name'), render: (_, r) => <Link to={`/customers/${r.customer_id}`}>{r.name}</Link> },
        { key: 'contact', title: t('customers.contact'), render: (_, r) => r.contact_name ?? '—' },
        { key: 'phone', title: t('customers.phone'), render: (_, r) => r.contact_phone ?? '—' },
      ]}
    />
  );
}

/** Done: what moved, and the customers to tell about their new contact person. */
export function HandoverResultView({ result: r, onAgain }: { result: Schemas['HandoverResult']; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="kehu-panel kehu-panel--padded" data-testid="handover-result">
      <Result
        status="success"
        title={t('customers.handover.done', { from: r.from.name, to: r.to.name })}
        subTitle={
          <>
            {t('customers.handover.moved', { customers: r.customers_moved, staff: r.staff_moved, complaints: r.complaints_moved, visits: r.visit_plans_moved ?? 0 })}
            {r.deactivated && <div>{t('customers.handover.deactivated', { name: r.from.name })}</div>}
          </>
        }
        extra={<Button onClick={onAgain}>{t('customers.handover.again')}</Button>}
      />
      <Typography.Title level={2} className="kehu-form__section">
        {t('customers.handover.notify')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('customers.handover.notifyHint', { name: r.to.name })}</Typography.Paragraph>
      <NotifyTable rows={r.notify} />
    </div>
  );
}
