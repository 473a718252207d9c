import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../lib/format';
import { groupCharges, type ChargeView } from '../lib/penalties';
import { SanctionText } from './StateTags';

interface Row extends ChargeView {
  key: string;
  /** Rows the person's cells span: his count on his first row, 0 on the others. */
  span: number;
  total: string;
}

/** 个人罚扣: what the approved run charges each person, grouped by person with his subtotal. */
export function ChargesTab({ charges }: { charges: ChargeView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const rows: Row[] = groupCharges(charges).flatMap((p) =>
    p.charges.map((c, i) => ({ ...c, key: `${p.user_id}-${i}`, span: i === 0 ? p.charges.length : 0, total: p.total })),
  );
  const grouped = (r: Row) => ({ rowSpan: r.span });
  const money = (value: string) => <span className="kehu-amount">{formatAmount(value, locale)}</span>;

  const columns: TableProps<Row>['columns'] = [
    { key: 'person', title: t('penalties.charges.person'), width: 100, fixed: 'left', onCell: grouped, render: (_, r) => r.display_name },
    { key: 'department', title: t('penalties.charges.department'), width: 110, onCell: grouped, render: (_, r) => r.department_name },
    { key: 'complaint', title: t('penalties.charges.complaint'), width: 120, render: (_, r) => r.complaint_number ?? '—' },
    { key: 'kind', title: t('penalties.charges.kind'), width: 100, render: (_, r) => t(`penalties.chargeKind.${r.kind}`, { defaultValue: r.kind }) },
    { key: 'sanction', title: t('penalties.charges.sanction'), width: 110, render: (_, r) => <SanctionText sanction={r.sanction} count={r.sanction_count} /> },
    { key: 'amount', title: t('penalties.charges.amount'), align: 'right', width: 120, render: (_, r) => money(r.amount) },
    { key: 'total', title: t('penalties.charges.total'), align: 'right', width: 120, onCell: grouped, render: (_, r) => <strong>{money(r.total)}</strong> },
  ];

  return (
    <Table<Row>
      rowKey="key"
      size="middle"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 780 }}
      locale={{ emptyText: t('penalties.charges.empty') }}
    />
  );
}
