import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout } from '../../../components/print/PrintLayout';
import { formatDate, formatQuantity } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useCaseSupplierRequests, useComplaintOfRequest } from '../api/queries';
import { SUPPLIER_SECTION } from '../lib/supplier';
import '../suppliers.css';

/** The boxes a supplier fills in on a request not answered yet. */
const BLANKS = ['rootCause', 'correction', 'prevention'] as const;

/**
 * 供应商纠正措施要求单 on A4, to send to the supplier: who asks whom, the
 * complaint's product, problem and quantities, the supplier's share and due
 * date, then boxes for its cause and actions (or the answer recorded) and
 * the signatures. Nothing internal is printed: no amounts, no customer.
 */
export default function SupplierPrintPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const requestId = Number(params.requestId);
  const requests = useCaseSupplierRequests(id, true);
  const complaint = useComplaintOfRequest(id);
  const { user } = useSession();
  const locale = i18n.language;

  if (requests.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const back = (
    <Link to={`/complaints/${id}#${SUPPLIER_SECTION}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('supplier.print.back')}</Button>
    </Link>
  );
  if (requests.isError) {
    const problem = problemToFormErrors(requests.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} extra={back} />;
  }
  const r = requests.data.items.find((item) => item.id === requestId);
  if (!r) return <Result status="404" title={t('supplier.print.notFound')} extra={back} />;

  const intake = complaint.data?.intake;
  const qty = (q: number | null | undefined) => (q === null || q === undefined ? null : formatQuantity(q, locale));
  const answered = !!r.root_cause || !!r.actions;
  const due = formatDate(r.due_on, locale);

  return (
    <PrintLayout
      company={user?.org_name ?? t('supplier.print.company')}
      title={t('supplier.print.title')}
      number={r.complaint.name}
      numberLabel={t('supplier.print.numberLabel')}
      printLabel={t('supplier.print.print')}
      toolbar={back}
      signOff={{
        title: t('supplier.print.signOff'),
        signature: t('supplier.print.signature'),
        date: t('supplier.print.date'),
        rows: [
          { label: t('supplier.print.signer.raised'), name: r.raised_by.name, date: formatDate(r.raised_at, locale) },
          { label: t('supplier.print.signer.supplier') },
          {
            label: t('supplier.print.signer.accepted'),
            name: r.state === 'accepted' ? r.decided_by?.name : null,
            date: r.state === 'accepted' && r.decided_at ? formatDate(r.decided_at, locale) : null,
          },
        ],
      }}
    >
      <PrintFields
        fields={[
          { label: t('supplier.print.to'), value: r.supplier, wide: true },
          { label: t('supplier.print.complaint'), value: r.complaint.name },
          { label: t('supplier.print.raisedOn'), value: formatDate(r.raised_at, locale) },
          { label: t('supplier.print.product'), value: r.product_number ?? intake?.product_number },
          { label: t('supplier.print.productSpec'), value: intake?.product_spec },
          { label: t('supplier.print.defective'), value: qty(intake?.defective_quantity) },
          { label: t('supplier.print.shipped'), value: qty(intake?.quantity_shipped) },
          { label: t('supplier.ratio'), value: `${r.ratio_percent}%` },
          { label: t('supplier.print.due'), value: due },
          ...(r.state === 'cancelled' ? [{ label: t('supplier.print.state'), value: t('supplier.state.cancelled'), wide: true }] : []),
          { label: t('supplier.problem'), value: r.problem, wide: true },
        ]}
      />
      <p className="kehu-supplier-print__ask" data-testid="supplier-print-ask">
        {t('supplier.print.ask', { ratio: r.ratio_percent, date: due })}
      </p>
      {answered ? (
        <table className="kehu-print__table kehu-print__fields" aria-label={t('supplier.print.answer')}>
          <caption>{t('supplier.print.answer')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('supplier.rootCause')}</th>
              <td className="kehu-supplier-print__answer">{r.root_cause ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('supplier.actions')}</th>
              <td className="kehu-supplier-print__answer">{r.actions ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('supplier.answeredOn')}</th>
              <td>{r.answered_on ? formatDate(r.answered_on, locale) : '—'}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <table className="kehu-print__table kehu-print__fields" aria-label={t('supplier.print.answer')}>
          <caption>{t('supplier.print.answer')}</caption>
          <tbody>
            {BLANKS.map((b) => (
              <tr key={b}>
                <th scope="row">{t(`supplier.print.blank.${b}`)}</th>
                <td className="kehu-supplier-print__box" data-testid="supplier-blank-box" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintLayout>
  );
}
