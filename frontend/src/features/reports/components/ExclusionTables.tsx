import { Card, List, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate, formatMoney } from '../../../lib/format';

type Total = Schemas['ExclusionTotal'];
type Line = Schemas['ExclusionLine'];

/** A month may hold thousands of cases: pages of 50 on a desk, 20 cards on a phone. */
const DESK_PAGE = { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false } as const;
const PHONE_PAGE = { pageSize: 20, hideOnSinglePage: true, size: 'small', align: 'center' } as const;

function useMoney() {
  const { i18n } = useTranslation();
  return (m: Schemas['MoneyView']) => <span className="kehu-amount">{formatMoney(m.amount, i18n.language, m.currency)}</span>;
}

/** 按业务员及品号汇总: 业务员, 品号, 件数, 客诉金额 — a table on a desk, cards on a phone. */
export function SumsTable({ rows, loading, phone }: { rows: Total[]; loading: boolean; phone: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const product = (r: Total) => r.product_number || <span className="kehu-muted">{t('reports.unspecified')}</span>;
  const key = (r: Total) => `${r.salesperson.id}-${r.product_number ?? ''}`;
  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={rows}
        rowKey={key}
        className="kehu-cards"
        pagination={PHONE_PAGE}
        locale={{ emptyText: t('exclusions.empty') }}
        renderItem={(r) => (
          <List.Item>
            <Card size="small" className="kehu-card" data-testid="exclusion-sum">
              <div className="kehu-card__row">
                <strong>{r.salesperson.name}</strong>
                {money(r.amount)}
              </div>
              <div className="kehu-card__row kehu-card__meta">
                <span>
                  {t('exclusions.productNumber')} {product(r)}
                </span>
                <span>{t('exclusions.casesN', { count: r.cases })}</span>
              </div>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  const columns: TableProps<Total>['columns'] = [
    { key: 'salesperson', title: t('exclusions.salesperson'), render: (_, r) => r.salesperson.name },
    { key: 'product', title: t('exclusions.productNumber'), render: (_, r) => product(r) },
    { key: 'cases', title: t('exclusions.cases'), dataIndex: 'cases', align: 'right' },
    { key: 'amount', title: t('exclusions.amount'), align: 'right', render: (_, r) => money(r.amount) },
  ];
  return (
    <Table<Total>
      rowKey={key}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={DESK_PAGE}
      locale={{ emptyText: t('exclusions.empty') }}
      data-testid="exclusion-sums"
    />
  );
}

/** 客诉明细: every approved complaint with its settlement, each opening its complaint. */
export function LinesTable({ rows, loading, phone }: { rows: Line[]; loading: boolean; phone: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = useMoney();
  const complaint = (r: Line) => <Link to={`/complaints/${r.complaint.id}`}>{r.complaint.name}</Link>;
  const spec = (r: Line) => [r.product_number, r.product_spec].filter(Boolean).join(' · ');
  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={rows}
        rowKey={(r) => r.complaint.id}
        className="kehu-cards"
        pagination={PHONE_PAGE}
        locale={{ emptyText: t('exclusions.empty') }}
        renderItem={(r) => (
          <List.Item>
            <Card size="small" className="kehu-card" data-testid="exclusion-line">
              <div className="kehu-card__row">
                <strong>{complaint(r)}</strong>
                {money(r.amount)}
              </div>
              <div>{r.customer.name}</div>
              <div className="kehu-card__row kehu-card__meta">
                <span>
                  {r.salesperson.name} · {r.sales_department.name}
                </span>
                <span>{formatDate(r.approved_on, locale)}</span>
              </div>
              <div className="kehu-card__row kehu-card__meta">
                <span>{spec(r) || t('reports.unspecified')}</span>
                {r.order_number && <span>{r.order_number}</span>}
              </div>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  const columns: TableProps<Line>['columns'] = [
    { key: 'salesperson', title: t('exclusions.salesperson'), render: (_, r) => r.salesperson.name },
    { key: 'department', title: t('exclusions.department'), render: (_, r) => r.sales_department.name },
    { key: 'product', title: t('exclusions.productNumber'), render: (_, r) => r.product_number ?? '—' },
    { key: 'spec', title: t('exclusions.productSpec'), render: (_, r) => r.product_spec ?? '—' },
    { key: 'complaint', title: t('exclusions.complaint'), render: (_, r) => complaint(r) },
    { key: 'approved_on', title: t('exclusions.approvedOn'), render: (_, r) => formatDate(r.approved_on, locale) },
    { key: 'customer', title: t('exclusions.customer'), render: (_, r) => r.customer.name },
    { key: 'order', title: t('exclusions.orderNumber'), render: (_, r) => r.order_number ?? '—' },
    { key: 'amount', title: t('exclusions.amount'), align: 'right', render: (_, r) => money(r.amount) },
  ];
  return (
    <Table<Line>
      rowKey={(r) => r.complaint.id}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={DESK_PAGE}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('exclusions.empty') }}
      data-testid="exclusion-lines"
    />
  );
}
