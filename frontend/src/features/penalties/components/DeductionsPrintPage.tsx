import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PrintLayout, PrintTable, type PrintColumn } from '../../../components/print/PrintLayout';
import { formatAmount, formatDate } from '../../../lib/format';
import { sumMoney } from '../../../lib/money';
import { useSession } from '../../auth/hooks/useSession';
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
  const { user } = useSession();
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
    <PrintFrame runId={id} query={query}>
      {(list, back) => (
        <PrintLayout
          company={user?.org_name ?? t('penalties.print.company')}
          title={t('penalties.print.deductions.title')}
          number={list.run.month}
          numberLabel={t('penalties.print.monthLabel')}
          printLabel={t('penalties.print.print')}
          toolbar={back}
          signOff={{
            title: t('penalties.print.signOff'),
            signature: t('penalties.print.signature'),
            date: t('penalties.print.date'),
            rows: [
              { label: t('penalties.print.deductions.signer.approve'), date: list.run.approved_at ? formatDate(list.run.approved_at, locale) : null },
              { label: t('penalties.print.deductions.signer.execute') },
              { label: t('penalties.print.deductions.signer.prepare') },
            ],
          }}
        >
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
        </PrintLayout>
      )}
    </PrintFrame>
  );
}
