import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PrintTable, type PrintColumn } from '../../../components/print/PrintLayout';
import { formatAmount } from '../../../lib/format';
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
    <PrintFrame
      runId={id}
      query={query}
      title={t('penalties.print.publication.title')}
      runOf={(list) => list.run}
      signers={[
        { label: t('penalties.print.publication.signer.approve'), at: 'approved_at' },
        { label: t('penalties.print.publication.signer.publish'), at: 'published_at' },
        { label: t('penalties.print.publication.signer.prepare') },
      ]}
    >
      {(list) => (
        <>
          <PrintTable caption={t('penalties.print.publication.caption', { month: list.run.month })} columns={columns} rows={list.rows} />
          {list.rows.length === 0 && <p className="kehu-penalty-print__empty">{t('penalties.print.publication.empty')}</p>}
        </>
      )}
    </PrintFrame>
  );
}
