import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatQuantity } from '../../../lib/format';

type Row = Schemas['WeekRow'];
const NONE = '(none)';

/**
 * 按异常类别 / 按严重程度: the week's registered and closed cases by a code,
 * with a 合计 row of the column sums (the week's totals: every case has a row,
 * `(none)` the ones without the code).
 */
export function WeekTable({ title, column, prefix, rows, loading }: { title: string; column: string; prefix: 'kind' | 'severity'; rows: Row[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatQuantity(value, i18n.language);
  const label = (r: Row) => (r.key === NONE ? t('weekly.unset') : t(`${prefix}.${r.key}`, { defaultValue: r.key }));
  const registered = rows.reduce((sum, r) => sum + r.registered, 0);
  const closed = rows.reduce((sum, r) => sum + r.closed, 0);
  return (
    <Card size="small" title={<h2 className="kehu-report__card-title">{title}</h2>} className="kehu-report__table">
      <Table<Row>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid={`weekly-${prefix}`}
        columns={[
          { key: 'label', title: column, render: (_, r) => label(r) },
          { key: 'registered', title: t('weekly.registered'), align: 'right', render: (_, r) => n(r.registered) },
          { key: 'closed', title: t('weekly.closed'), align: 'right', render: (_, r) => n(r.closed) },
        ]}
        summary={() => (
          <Table.Summary.Row className="kehu-report__total">
            <Table.Summary.Cell index={0}>{t('tracking.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {n(registered)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {n(closed)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
