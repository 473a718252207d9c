import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../lib/format';
import { LEDGER_AMOUNTS, ledgerTotals, type LedgerView } from '../lib/penalties';

/** 台账: each person's month (bonus, carried in, charged, deducted, carried on), with a totals row. */
export function LedgerTable({ rows }: { rows: LedgerView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const totals = ledgerTotals(rows);
  const columns: TableProps<LedgerView>['columns'] = [
    { key: 'person', title: t('penalties.ledger.person'), dataIndex: 'display_name', width: 100, fixed: 'left' },
    { key: 'department', title: t('penalties.ledger.department'), dataIndex: 'department_name', width: 110 },
    ...LEDGER_AMOUNTS.map((k) => ({
      key: k,
      title: t(`penalties.ledger.${k}`),
      align: 'right' as const,
      width: 120,
      render: (_: unknown, r: LedgerView) => <span className="kehu-amount">{formatAmount(r[k], locale)}</span>,
    })),
  ];

  return (
    <Table<LedgerView>
      rowKey="user_id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 810 }}
      locale={{ emptyText: t('penalties.ledger.empty') }}
      summary={() =>
        rows.length > 0 && (
          <Table.Summary.Row className="kehu-penalty-total">
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t('penalties.ledger.total')}</strong>
            </Table.Summary.Cell>
            {LEDGER_AMOUNTS.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 2} align="right">
                <strong className="kehu-amount">{formatAmount(totals[k], locale)}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )
      }
    />
  );
}
