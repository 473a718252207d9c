import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout, PrintTable } from '../../../components/print/PrintLayout';
import { formatDate, formatQuantity } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useReturn } from '../api/queries';
import { lineExcess, noteSignatures, proofText, toleranceText, type NoteLine } from '../lib/note';

/** The four copies of the paper form, in order. */
const COPIES = ['sales', 'warehouse', 'accounting', 'salesFile'] as const;

/** 成品退货单 on A4: the note, its items (approved, received, booked), and who signed each step and when. */
export default function ReturnNotePrintPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useReturn(id);
  const { user } = useSession();
  const r = query.data;
  const locale = i18n.language;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !r) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }
  const back = (
    <Link to={`/returns/${r.id}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('returns.print.back')}</Button>
    </Link>
  );
  const note = r.note;
  if (!note) return <Result status="info" title={t('returns.note.none')} extra={back} />;

  const qty = (q: number | null | undefined) => (q === null || q === undefined ? '' : formatQuantity(q, locale));
  const sum = (pick: (l: NoteLine) => number | null | undefined) => {
    const values = note.lines.map(pick);
    // A column not filled in for every item has no total yet.
    return values.every((v) => typeof v === 'number') ? qty(values.reduce<number>((a, v) => a + (v ?? 0), 0)) : '';
  };
  const received = (l: NoteLine) => {
    const { over } = lineExcess(l, note.applied_tolerance_bp);
    return over > 0 ? (
      <strong>
        {qty(l.received)} {t('returns.note.overApproved', { n: qty(over) })}
      </strong>
    ) : (
      qty(l.received)
    );
  };

  return (
    <PrintLayout
      company={user?.org_name ?? t('returns.print.company')}
      title={t('returns.note.title')}
      number={note.number}
      numberLabel={t('returns.print.numberLabel')}
      // One line: the copies' marks as the paper form prints them.
      copies={{ label: t('returns.notePrint.copies'), marks: [COPIES.map((c) => t(`returns.notePrint.copy.${c}`)).join(' ')] }}
      printLabel={t('returns.print.print')}
      toolbar={back}
      signOff={{
        title: t('returns.print.signOff'),
        signature: t('returns.print.signature'),
        date: t('returns.print.date'),
        rows: noteSignatures(r).map((s) => ({
          label: t(`returns.notePrint.signer.${s.signer}`),
          name: s.name,
          date: s.at ? formatDate(s.at, locale) : null,
        })),
      }}
    >
      <PrintFields
        fields={[
          { label: t('returns.note.date'), value: formatDate(note.issued_at, locale) },
          { label: t('returns.field.customer'), value: r.customer.name },
          { label: t('returns.field.orderNumber'), value: r.order_number },
          { label: t('returns.note.applicationNumber'), value: r.number },
          { label: t('returns.field.complaint'), value: r.complaint?.name },
          { label: t('returns.field.department'), value: r.sales_department.name },
          { label: t('returns.field.state'), value: t(`returns.noteState.${note.state}`) },
          { label: t('returns.note.tolerance'), value: toleranceText(note, t, locale) },
        ]}
      />
      <PrintTable
        caption={t('returns.note.lines')}
        rows={note.lines}
        columns={[
          { key: 'n', title: '#', render: (_, i) => i + 1, align: 'center' },
          { key: 'product', title: t('returns.note.productNumber'), render: (l) => l.product_number },
          { key: 'description', title: t('returns.notePrint.description'), render: (l) => l.description ?? '' },
          { key: 'approved', title: t('returns.note.approved'), render: (l) => qty(l.approved), align: 'right' },
          { key: 'received', title: t('returns.note.received'), render: received, align: 'right' },
          { key: 'booked', title: t('returns.note.booked'), render: (l) => qty(l.booked), align: 'right' },
        ]}
        foot={{
          label: t('returns.form.total'),
          cells: [
            <span key="approved" data-testid="print-approved">{sum((l) => l.approved)}</span>,
            <span key="received" data-testid="print-received">{sum((l) => l.received)}</span>,
            <span key="booked" data-testid="print-booked">{sum((l) => l.booked)}</span>,
          ],
        }}
      />
      <PrintFields
        fields={[
          { label: t('returns.note.reason'), value: note.reason, wide: true },
          { label: t('returns.note.handling'), value: note.handling, wide: true },
          { label: t('returns.note.basis'), value: note.basis, wide: true },
          { label: t('returns.proof.title'), value: proofText(note, t), wide: true },
        ]}
      />
    </PrintLayout>
  );
}
