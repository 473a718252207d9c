import { Card, List, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { NoteStateTag } from '../../../components/NoteStateTag';
import { ReturnStateTag } from '../../../components/ReturnStateTag';
import { formatDate, formatMoney, formatQuantity } from '../../../lib/format';

type Summary = Schemas['ReturnSummary'];

interface Props {
  items: Summary[];
  loading: boolean;
  phone: boolean;
}

/** 产品退换货汇总表: a table on a desk, stacked cards on a phone. */
/** Marks a consumer-rule application; the contract grounds are the default and go unmarked. */
function RetailTag() {
  const { t } = useTranslation();
  return (
    <Tag className="kehu-gap-left" title={t('returns.ruleSet.retail')}>
      {t('returns.ruleSetShort.retail')}
    </Tag>
  );
}

export function ReturnTable({ items, loading, phone }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (r: Summary) => formatMoney(r.total.amount, locale, r.total.currency);

  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        rowKey="id"
        className="kehu-cards"
        renderItem={(r) => (
          <List.Item>
            <Card size="small" className="kehu-card">
              <Link to={`/returns/${r.id}`} className="kehu-card__link" aria-label={t('returns.tasks.open', { number: r.number, customer: r.customer.name })}>
                <div className="kehu-card__row">
                  <strong>{r.number}</strong>
                  <ReturnStateTag state={r.state} overdue={r.overdue} />
                </div>
                <div>{r.customer.name}</div>
                <div className="kehu-card__row kehu-card__meta">
                  <span>
                    {t(`returns.kind.${r.kind}`)} · {r.products} × {formatQuantity(r.quantity, locale)}
                    {r.rule_set === 'retail' && <RetailTag />}
                  </span>
                  <span className="kehu-amount">{money(r)}</span>
                </div>
                <div className="kehu-card__row kehu-card__meta">
                  <span>{formatDate(r.created_at, locale)}</span>
                  <span>{r.raised_by.name}</span>
                </div>
                {r.note_number && (
                  <div className="kehu-card__row kehu-card__meta" data-testid="card-note">
                    <span>
                      {t('returns.note.title')} {r.note_number}
                    </span>
                    {r.note_state && <NoteStateTag state={r.note_state} />}
                  </div>
                )}
              </Link>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<Summary>['columns'] = [
    { key: 'number', title: t('returns.field.number'), width: 130, render: (_, r) => <Link to={`/returns/${r.id}`}>{r.number}</Link> },
    { key: 'created_at', title: t('returns.field.createdAt'), width: 110, render: (_, r) => formatDate(r.created_at, locale) },
    { key: 'customer', title: t('returns.field.customer'), render: (_, r) => r.customer.name },
    {
      key: 'kind',
      title: t('returns.field.kind'),
      width: 90,
      render: (_, r) => (
        <>
          {t(`returns.kind.${r.kind}`)}
          {r.rule_set === 'retail' && <RetailTag />}
        </>
      ),
    },
    { key: 'products', title: t('returns.field.products'), render: (_, r) => r.products },
    { key: 'quantity', title: t('returns.field.quantity'), align: 'right', render: (_, r) => formatQuantity(r.quantity, locale) },
    { key: 'total', title: t('returns.field.total'), align: 'right', render: (_, r) => <span className="kehu-amount">{money(r)}</span> },
    {
      key: 'reason',
      title: t('returns.field.reason'),
      width: 200,
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.reason }} style={{ maxWidth: 200 }}>
          {r.reason}
        </Typography.Text>
      ),
    },
    { key: 'state', title: t('returns.field.state'), render: (_, r) => <ReturnStateTag state={r.state} overdue={r.overdue} /> },
    { key: 'raised_by', title: t('returns.field.raisedBy'), render: (_, r) => r.raised_by.name },
    {
      key: 'note',
      title: t('returns.note.title'),
      width: 150,
      render: (_, r) =>
        r.note_number ? (
          <span className="kehu-note-cell">
            <span>{r.note_number}</span>
            {r.note_state && <NoteStateTag state={r.note_state} />}
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<Summary>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1250 }}
      locale={{ emptyText: ' ' }}
    />
  );
}
