import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PrintLayout, PrintTable, type PrintColumn } from '../../../components/print/PrintLayout';
import { formatAmount, formatDate } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { usePenaltyPublication } from '../api/queries';
import { PrintFrame } from './PrintFrame';
import { SanctionText } from './StateTags';
import '../penalties.css';

type Row = Schemas['PublicationRow'];

/**
 * 人事公布单 on A4: every sanction of the approved month, the party's and the
 * supervisors', with the burden and what it costs the person; signed by the
 * general manager, published by HR, drawn up by the GM office.
 */
export default function PublicationPrintPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = Number(useParams().id);
  const query = usePenaltyPublication(id);
  const { user } = useSession();
  const money = (value?: string | null) => (value ? formatAmount(value, locale) : '—');

  const columns: PrintColumn<Row>[] = [
    { key: 'subject', title: t('penalties.print.publication.subject'), render: (r) => r.subject },
    { key: 'department', title: t('penalties.print.publication.department'), render: (r) => r.department_name },
    { key: 'complaint', title: t('penalties.print.publication.complaint'), render: (r) => r.complaint_number ?? '—' },
    { key: 'role', title: t('penalties.print.publication.role'), render: (r) => t(`penalties.print.publication.roleName.${r.role}`, { defaultValue: r.role }) },
    { key: 'burden', title: t('penalties.print.publication.burden'), align: 'right', render: (r) => money(r.burden) },
    { key: 'sanction', title: t('penalties.print.publication.sanction'), render: (r) => <SanctionText sanction={r.sanction} count={r.sanction_count} /> },
    { key: 'fine', title: t('penalties.print.publication.fine'), align: 'right', render: (r) => money(r.fine) },
  ];

  return (
    <PrintFrame runId={id} query={query}>
      {(list, back) => (
        <PrintLayout
          company={user?.org_name ?? t('penalties.print.company')}
          title={t('penalties.print.publication.title')}
          number={list.run.month}
          numberLabel={t('penalties.print.monthLabel')}
          printLabel={t('penalties.print.print')}
          toolbar={back}
          signOff={{
            title: t('penalties.print.signOff'),
            signature: t('penalties.print.signature'),
            date: t('penalties.print.date'),
            rows: [
              { label: t('penalties.print.publication.signer.approve'), date: list.run.approved_at ? formatDate(list.run.approved_at, locale) : null },
              { label: t('penalties.print.publication.signer.publish'), date: list.run.published_at ? formatDate(list.run.published_at, locale) : null },
              { label: t('penalties.print.publication.signer.prepare') },
            ],
          }}
        >
          <PrintTable caption={t('penalties.print.publication.caption', { month: list.run.month })} columns={columns} rows={list.rows} />
          {list.rows.length === 0 && <p className="kehu-penalty-print__empty">{t('penalties.print.publication.empty')}</p>}
        </PrintLayout>
      )}
    </PrintFrame>
  );
}
