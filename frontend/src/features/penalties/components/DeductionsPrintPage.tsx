import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PrintTable, type PrintColumn } from '../../../components/print/PrintLayout';
import { formatAmount } from '../../../lib/format';
import { sumMoney } from '../../../lib/money';
import { usePenaltyDeductions } from '../api/queries';
import { LEDGER_AMOUNTS, type LedgerView } from '../lib/penalties';
import { PrintFrame } from './PrintFrame';
import '../penalties.css';

type Fine = Schemas['DepartmentFine'];

/**
 * 罚扣明细 on A4, for finance: each person's bonus, what was carried in,
 * charged, deducted and carried on, then the departments' late fines, with
 * totals; approved by the general manager, carried out by finance, drawn up by HR.
 */
export default function DeductionsPrintPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = Number(useParams().id);
  const query = usePenaltyDeductions(id);
  const money = (value: string) => formatAmount(value, locale);

  const people: PrintColumn<LedgerView>[] = [
    { key: 'person', title: t('penalties.ledger.person'), render: (r) => r.display_name },
    { key: 'department', title: t('penalties.ledger.department'), render: (r) => r.department_name },
    ...LEDGER_AMOUNTS.map((k) => ({ key: k, title: t(`penalties.ledger.${k}`), align: 'right' as const, render: (r: LedgerView) => money(r[k]) })),
  ];
  const fines: PrintColumn<Fine>[] = [
    { key: 'department', title: t('penalties.print.deductions.department'), render: (r) => r.department_name },
    { key: 'complaint', title: t('penalties.print.deductions.complaint'), render: (r) => r.complaint_number ?? '—' },
    { key: 'amount', title: t('penalties.print.deductions.amount'), align: 'right', render: (r) => money(r.amount) },
  ];

  return (
    <PrintFrame
      runId={id}
      query={query}
      title={t('penalties.print.deductions.title')}
      runOf={(list) => list.run}
      signers={[
        { label: t('penalties.print.deductions.signer.approve'), at: 'approved_at' },
        { label: t('penalties.print.deductions.signer.execute') },
        { label: t('penalties.print.deductions.signer.prepare') },
      ]}
    >
      {(list) => (
        <>
          <PrintTable
            caption={t('penalties.print.deductions.people')}
            columns={people}
            rows={list.people}
            foot={{
              label: t('penalties.print.total'),
              cells: [
                money(sumMoney(list.people.map((p) => p.bonus))),
                money(sumMoney(list.people.map((p) => p.carried_in))),
                money(sumMoney(list.people.map((p) => p.charged))),
                money(list.deducted_total),
                money(list.carried_on_total),
              ],
            }}
          />
          <PrintTable
            caption={t('penalties.print.deductions.departments')}
            columns={fines}
            rows={list.departments}
            foot={{ label: t('penalties.print.total'), cells: [money(list.department_fines_total)] }}
          />
        </>
      )}
    </PrintFrame>
  );
}
