import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout } from '../../../components/print/PrintLayout';
import { formatDate, formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useAllowance } from '../api/queries';
import { signatures } from '../lib/signoff';

/** The two copies of the paper form, in order. */
const COPIES = ['sales', 'accounting'] as const;

/**
 * 销货折让证明单 on A4: what it allows and why, the customer's signature
 * with the proof, accounting's voucher, and who signed each block and when.
 */
export default function AllowancePrintPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useAllowance(id);
  const { user } = useSession();
  const a = query.data;
  const locale = i18n.language;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !a) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }

  const proof = a.proof_kind ? [t(`allowances.proofName.${a.proof_kind}`), t(`allowances.proof.${a.proof_kind}`)].join(t('allowances.print.proofSeparator')) : null;

  return (
    <PrintLayout
      company={user?.org_name ?? t('allowances.print.company')}
      title={t('allowances.title')}
      number={a.number}
      numberLabel={t('allowances.print.numberLabel')}
      // One line: the copies' marks as the paper form prints them.
      copies={{ label: t('allowances.print.copies'), marks: [COPIES.map((c) => t(`allowances.print.copy.${c}`)).join(' ')] }}
      printLabel={t('allowances.print.print')}
      toolbar={
        <Link to={`/allowances/${a.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('allowances.print.back')}</Button>
        </Link>
      }
      signOff={{
        title: t('allowances.print.signOff'),
        signature: t('allowances.print.signature'),
        date: t('allowances.print.date'),
        rows: signatures(a).map((s) => ({
          label: t(`allowances.print.signer.${s.signer}`),
          name: s.signer === 'accounting' && s.name && a.voucher ? t('allowances.print.booked', { name: s.name, voucher: a.voucher }) : s.name,
          date: s.at ? formatDate(s.at, locale) : null,
        })),
      }}
    >
      <PrintFields
        fields={[
          { label: t('allowances.print.date'), value: formatDate(a.created_at, locale) },
          { label: t('allowances.field.customer'), value: a.customer.name },
          { label: t('allowances.field.complaint'), value: `${a.complaint.name} ${t('allowances.field.line', { n: a.complaint_line + 1 })}` },
          { label: t('allowances.field.invoiceNumber'), value: a.invoice_number },
          { label: t('allowances.field.kind'), value: t(`allowances.kind.${a.kind}`, { defaultValue: a.kind }) },
          {
            label: t('allowances.print.amountFigures'),
            value: <strong data-testid="print-amount">{formatMoney(a.amount.amount, locale, a.amount.currency)}</strong>,
          },
          { label: t('allowances.field.department'), value: a.sales_department.name },
          { label: t('allowances.field.state'), value: t(`allowances.state.${a.state}`) },
          { label: t('allowances.field.reason'), value: a.reason, wide: true },
          ...(a.refusal_reason ? [{ label: t('allowances.field.refusalReason'), value: a.refusal_reason, wide: true }] : []),
          { label: t('allowances.proof.title'), value: proof && <span data-testid="print-proof">{proof}</span>, wide: true },
          { label: t('allowances.proof.reference'), value: a.proof_reference },
          { label: t('allowances.field.voucher'), value: a.voucher },
        ]}
      />
    </PrintLayout>
  );
}
