import { Card, List, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { CustomerFlags, CustomerStatusTag } from './CustomerTags';

type Customer = Schemas['CustomerSummary'];

interface Props {
  items: Customer[];
  loading: boolean;
  phone: boolean;
}

/** 客户一览表 rows: a table on a desktop, cards on a phone. */
export function CustomerTable({ items, loading, phone }: Props) {
  const { t, i18n } = useTranslation();
  const date = (d?: string | null) => (d ? formatDate(d, i18n.language) : '—');
  const category = (c: Customer) => t(`customer.category.${c.category}`, { defaultValue: c.category });

  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        rowKey="id"
        className="kehu-cards"
        renderItem={(c) => (
          <List.Item>
            <Card size="small" className="kehu-card">
              <Link to={`/customers/${c.id}`} className="kehu-card__link">
                <div className="kehu-card__row">
                  <strong>{c.name}</strong>
                  {c.status !== 'active' && <CustomerStatusTag status={c.status} />}
                </div>
                <div className="kehu-muted">
                  {[c.code, category(c), c.customer_class && t('customers.classValue', { value: c.customer_class }), c.region, c.owner_name]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                <div className="kehu-card__row kehu-card__meta">
                  <CustomerFlags customer={c} />
                  {c.protected_until && <span>{t('customers.protectedUntilValue', { date: date(c.protected_until) })}</span>}
                </div>
              </Link>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<Customer>['columns'] = [
    { key: 'code', title: t('customers.code'), dataIndex: 'code', width: 100 },
    {
      key: 'name',
      title: t('customers.name'),
      render: (_, c) => (
        <>
          <Link to={`/customers/${c.id}`}>{c.name}</Link>
          {c.status !== 'active' && (
            <>
              {' '}
              <CustomerStatusTag status={c.status} />
            </>
          )}
        </>
      ),
    },
    { key: 'category', title: t('customers.category'), render: (_, c) => category(c), width: 100 },
    { key: 'class', title: t('customers.class'), render: (_, c) => c.customer_class ?? '—', width: 90, align: 'center' },
    { key: 'grade', title: t('customer.grade'), render: (_, c) => c.credit_grade ?? '—', width: 90, align: 'center' },
    { key: 'region', title: t('customers.region'), render: (_, c) => c.region ?? '—', width: 90 },
    { key: 'owner', title: t('customers.owner'), render: (_, c) => c.owner_name ?? '—', width: 110 },
    { key: 'flags', title: t('customers.flags'), render: (_, c) => <CustomerFlags customer={c} /> },
    { key: 'protected', title: t('customers.protectedUntil'), render: (_, c) => date(c.protected_until), width: 120 },
  ];

  return (
    <Table<Customer>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: ' ' }}
    />
  );
}
