import { Alert, Card, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatAmount } from '../../../lib/format';
import { useMyBonusLedger } from '../api/ledger';

type Row = Schemas['LedgerView'];

const AMOUNTS = ['bonus', 'carried_in', 'charged', 'deducted', 'carried_on'] as const;

/** 我的罚扣台账: each month's bonus, what was carried in, charged, deducted and carried on; newest month first. */
export function BonusLedgerCard() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const ledger = useMyBonusLedger();
  const rows = [...(ledger.data ?? [])].sort((a, b) => b.month.localeCompare(a.month));
  const columns: TableProps<Row>['columns'] = [
    { key: 'month', title: t('penalties.ledger.month'), dataIndex: 'month', width: 90, fixed: 'left' },
    ...AMOUNTS.map((k) => ({
      key: k,
      title: t(`penalties.ledger.${k}`),
      align: 'right' as const,
      width: 120,
      render: (_: unknown, r: Row) => <span className="kehu-amount">{formatAmount(r[k], locale)}</span>,
    })),
  ];

  return (
    <Card
      className="kehu-account__ledger"
      // On a phone the side navigation is not there: the runs are reached from here.
      extra={<Link to="/penalties">{t('pages.me.ledger.runs')}</Link>}
      title={
        <h2 className="kehu-account__h2" id="my-ledger-title">
          {t('pages.me.ledger.title')}
        </h2>
      }
    >
      <section aria-labelledby="my-ledger-title">
        {ledger.isError && <Alert type="error" showIcon message={problemToFormErrors(ledger.error, t).message} className="kehu-gap" />}
        <Table<Row>
          rowKey="month"
          size="small"
          loading={ledger.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 690 }}
          locale={{ emptyText: t('pages.me.ledger.empty') }}
        />
      </section>
    </Card>
  );
}
