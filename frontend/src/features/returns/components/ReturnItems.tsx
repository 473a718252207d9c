import { Card, List, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatMoney, formatQuantity } from '../../../lib/format';

type Money = Schemas['MoneyView'];

export interface ItemRow {
  product_number: string | null;
  description: string | null;
  quantity: number | null;
  unit_price: Money | null;
  amount: Money | null;
}

/** The goods coming back, read-only: a table with its total, or cards on a phone. */
export function ReturnItems({ items, total }: { items: ItemRow[]; total?: Money | null }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const locale = i18n.language;
  const money = (m: Money | null | undefined) => (m ? formatMoney(m.amount, locale, m.currency) : '—');
  const qty = (q: number | null) => (q === null ? '—' : formatQuantity(q, locale));
  // Two items may read alike: the position is the key.
  const rows = items.map((r, n) => ({ ...r, n }));

  if (phone) {
    return (
      <>
        <List
          dataSource={rows}
          rowKey="n"
          className="kehu-cards"
          renderItem={(r) => (
            <List.Item>
              <Card size="small" className="kehu-card" title={t('returns.field.line', { n: r.n + 1 })}>
                <div className="kehu-card__row">
                  <strong>{r.product_number ?? '—'}</strong>
                  <span className="kehu-amount">{money(r.amount)}</span>
                </div>
                {r.description && <div>{r.description}</div>}
                <div className="kehu-card__meta">
                  {qty(r.quantity)} × {money(r.unit_price)}
                </div>
              </Card>
            </List.Item>
          )}
        />
        {total && (
          <div className="kehu-total">
            {t('returns.form.total')} <strong data-testid="return-total">{money(total)}</strong>
          </div>
        )}
      </>
    );
  }

  const columns: TableProps<ItemRow & { n: number }>['columns'] = [
    { key: 'n', title: '#', width: 48, render: (_, r) => r.n + 1 },
    { key: 'product', title: t('returns.field.productNumber'), render: (_, r) => r.product_number ?? '—' },
    { key: 'description', title: t('returns.field.description'), render: (_, r) => r.description ?? '' },
    { key: 'quantity', title: t('returns.field.quantity'), align: 'right', render: (_, r) => qty(r.quantity) },
    { key: 'unit_price', title: t('returns.field.unitPrice'), align: 'right', render: (_, r) => money(r.unit_price) },
    { key: 'amount', title: t('returns.field.amount'), align: 'right', render: (_, r) => <span className="kehu-amount">{money(r.amount)}</span> },
  ];
  return (
    <Table<ItemRow & { n: number }>
      size="small"
      rowKey="n"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 600 }}
      className="kehu-lines-table"
      summary={
        total
          ? () => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <strong>{t('returns.form.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <strong data-testid="return-total">{money(total)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
}
