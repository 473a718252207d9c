import { Card, List, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../lib/format';
import type { AllowanceSummary } from '../lib/states';
import { AllowanceStateTag } from './AllowanceStateTag';

interface Props {
  items: AllowanceSummary[];
  loading: boolean;
  phone: boolean;
}

/** The certificates: a table on a desk, stacked cards on a phone. */
export function AllowanceTable({ items, loading, phone }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (a: AllowanceSummary) => formatMoney(a.amount.amount, locale, a.amount.currency);
  const kind = (a: AllowanceSummary) => t(`allowances.kind.${a.kind}`, { defaultValue: a.kind });

  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        rowKey="id"
        className="kehu-cards"
        renderItem={(a) => (
          <List.Item>
            <Card size="small" className="kehu-card">
              <Link to={`/allowances/${a.id}`} className="kehu-card__link" aria-label={t('allowances.list.open', { number: a.number, customer: a.customer.name })}>
                <div className="kehu-card__row">
                  <strong>{a.number}</strong>
                  <AllowanceStateTag state={a.state} />
                </div>
                <div>{a.customer.name}</div>
                <div className="kehu-card__row kehu-card__meta">
                  <span>
                    {kind(a)} · {t('allowances.field.complaint')} {a.complaint.name}
                  </span>
                  <span className="kehu-amount">{money(a)}</span>
                </div>
                <div className="kehu-card__row kehu-card__meta">
                  <span>{formatDate(a.created_at, locale)}</span>
                  <span>{a.raised_by.name}</span>
                </div>
              </Link>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<AllowanceSummary>['columns'] = [
    { key: 'number', title: t('allowances.field.number'), width: 130, render: (_, a) => <Link to={`/allowances/${a.id}`}>{a.number}</Link> },
    { key: 'customer', title: t('allowances.field.customer'), render: (_, a) => a.customer.name },
    { key: 'complaint', title: t('allowances.field.complaint'), width: 120, render: (_, a) => <Link to={`/complaints/${a.complaint.id}`}>{a.complaint.name}</Link> },
    { key: 'kind', title: t('allowances.field.kind'), width: 70, render: (_, a) => kind(a) },
    { key: 'amount', title: t('allowances.field.amount'), align: 'right', render: (_, a) => <span className="kehu-amount">{money(a)}</span> },
    { key: 'state', title: t('allowances.field.state'), render: (_, a) => <AllowanceStateTag state={a.state} /> },
    { key: 'raised_by', title: t('allowances.field.raisedBy'), render: (_, a) => a.raised_by.name },
    { key: 'created_at', title: t('allowances.field.createdAt'), width: 110, render: (_, a) => formatDate(a.created_at, locale) },
  ];

  return (
    <Table<AllowanceSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: ' ' }}
    />
  );
}
