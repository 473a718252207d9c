import { Card, List, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { CountdownTag, StateTag } from '../../../components/CaseTags';
import { formatDate, formatMoney } from '../../../lib/format';
import { columnSortOrder, sortFor, type Sort } from '../lib/filters';

type Summary = Schemas['ComplaintSummary'];

interface Props {
  items: Summary[];
  loading: boolean;
  now: number;
  phone: boolean;
  sort?: Sort;
  onSortChange?: (sort: Sort | undefined) => void;
  /** On a customer's page the customer column says nothing new. */
  hideCustomer?: boolean;
}

function caseHref(c: Summary): string {
  return c.state === 'draft' ? `/complaints/${c.id}/edit` : `/complaints/${c.id}`;
}

/** Complaints as a table (desktop) or as cards (phone). */
export function ComplaintTable({ items, loading, now, phone, sort, onSortChange, hideCustomer = false }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = (c: Summary) => c.number ?? t('complaints.noNumber');
  const money = (m: Schemas['MoneyView'] | null | undefined) => (m ? formatMoney(m.amount, locale, m.currency) : null);

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
              <Link to={caseHref(c)} className="kehu-card__link">
                <div className="kehu-card__row">
                  <strong>{number(c)}</strong>
                  <StateTag state={c.state} closure={c.closure} />
                </div>
                <div>{c.customer.name}</div>
                <div className="kehu-card__row kehu-card__meta">
                  <span>{c.product_number ?? ''}</span>
                  {c.state !== 'closed' && (
                    <CountdownTag dueAt={c.step_due_at} startedAt={c.step_entered_at} now={now} label={t('complaint.deadline')} />
                  )}
                </div>
                {c.claim_amount && (
                  <div className="kehu-card__row kehu-card__meta" data-testid="card-claim">
                    <span>{t('complaints.claimAmount')}</span>
                    <span className="kehu-amount">{money(c.claim_amount)}</span>
                  </div>
                )}
              </Link>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const sortable = (column: string) =>
    onSortChange
      ? { sorter: true, sortOrder: columnSortOrder(sort, column), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] }
      : {};

  const columns: TableProps<Summary>['columns'] = [
    {
      key: 'number',
      title: t('complaint.number'),
      render: (_, c) => <Link to={caseHref(c)}>{number(c)}</Link>,
      width: 130,
    },
    ...(hideCustomer ? [] : [{ key: 'customer', title: t('complaints.customer'), render: (_: unknown, c: Summary) => c.customer.name }]),
    { key: 'product', title: t('complaint.partNumber'), dataIndex: 'product_number' },
    {
      key: 'state',
      title: t('complaints.state'),
      render: (_, c) => (
        <>
          <StateTag state={c.state} closure={c.closure} />
          {c.is_major && <Tag color="red">{t('complaint.major')}</Tag>}
        </>
      ),
    },
    {
      key: 'severity',
      title: t('complaints.severity'),
      render: (_, c) => (c.severity ? t(`severity.${c.severity}`) : '—'),
    },
    {
      key: 'claim',
      title: t('complaints.claimAmount'),
      align: 'right',
      render: (_, c) => <span className="kehu-amount">{money(c.claim_amount)}</span>,
    },
    {
      key: 'settlement',
      title: t('complaint.settlementAmount'),
      align: 'right',
      render: (_, c) => money(c.settlement_total) ?? '—',
    },
    {
      key: 'step_due_at',
      title: t('complaint.deadline'),
      ...sortable('step_due_at'),
      render: (_, c) =>
        c.state === 'closed' ? '—' : <CountdownTag dueAt={c.step_due_at} startedAt={c.step_entered_at} now={now} label={t('complaint.deadline')} />,
    },
    {
      key: 'created_at',
      title: t('complaints.createdAt'),
      ...sortable('created_at'),
      render: (_, c) => formatDate(c.created_at, locale),
    },
    {
      key: 'updated_at',
      title: t('complaints.updatedAt'),
      ...sortable('updated_at'),
      render: (_, c) => formatDate(c.updated_at, locale),
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
      scroll={{ x: 1080 }}
      locale={{ emptyText: ' ' }}
      showSorterTooltip={false}
      onChange={(_p, _f, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        onSortChange?.(sortFor(String(s?.columnKey ?? ''), s?.order));
      }}
    />
  );
}
