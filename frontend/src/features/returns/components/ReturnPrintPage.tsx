import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout, PrintTable } from '../../../components/print/PrintLayout';
import { formatDate, formatMoney, formatQuantity } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useReturn } from '../api/queries';
import { OTHER_GROUNDS } from '../lib/form';
import { signatures } from '../lib/signoff';
import { ReturnPrintService } from './ReturnPrintService';

const COPIES = ['sales', 'pmc', 'finance'] as const;
const GROUNDS = ['within_warranty', ...OTHER_GROUNDS] as const;

/** 客户退换货申请单 on A4, with who signed it and when. */
export default function ReturnPrintPage() {
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

  const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, locale, m.currency);
  const e = r.eligibility;
  const tick = (claimed: boolean) => (claimed ? '☑' : '☐');
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <PrintLayout
      company={user?.org_name ?? t('returns.print.company')}
      title={t('returns.form.paper')}
      number={r.number}
      numberLabel={t('returns.print.numberLabel')}
      copies={{ label: t('returns.print.copies'), marks: COPIES.map((c) => t(`returns.print.copy.${c}`)) }}
      printLabel={t('returns.print.print')}
      toolbar={
        <Link to={`/returns/${r.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('returns.print.back')}</Button>
        </Link>
      }
      signOff={{
        title: t('returns.print.signOff'),
        signature: t('returns.print.signature'),
        date: t('returns.print.date'),
        rows: signatures(r.history).map((s) => ({
          label: t(`returns.print.signer.${s.signer}`),
          name: s.name,
          date: s.at ? formatDate(s.at, locale) : null,
        })),
      }}
    >
      <PrintFields
        fields={[
          { label: t('returns.field.customer'), value: r.customer.name },
          { label: t('returns.field.createdAt'), value: formatDate(r.created_at, locale) },
          { label: t('returns.field.kind'), value: t(`returns.kind.${r.kind}`) },
          { label: t('returns.field.orderNumber'), value: r.order_number },
          { label: t('returns.field.department'), value: r.sales_department.name },
          { label: t('returns.field.raisedBy'), value: r.raised_by.name },
          { label: t('returns.field.complaint'), value: r.complaint?.name },
          { label: t('returns.field.sampleUnit'), value: r.sample_unit ? t('common.yes') : t('common.no') },
          { label: t('returns.field.state'), value: t(`returns.state.${r.state}`), wide: true },
          { label: t('returns.field.reason'), value: r.reason, wide: true },
        ]}
      />
      <PrintTable
        caption={t('returns.field.items')}
        rows={r.lines}
        columns={[
          { key: 'n', title: '#', render: (_, i) => i + 1, align: 'center' },
          { key: 'product', title: t('returns.field.productNumber'), render: (l) => l.product_number },
          { key: 'description', title: t('returns.field.description'), render: (l) => l.description ?? '' },
          { key: 'quantity', title: t('returns.field.quantity'), render: (l) => formatQuantity(l.quantity, locale), align: 'right' },
          { key: 'price', title: t('returns.field.unitPrice'), render: (l) => money(l.unit_price), align: 'right' },
          { key: 'amount', title: t('returns.field.amount'), render: (l) => money(l.amount), align: 'right' },
        ]}
        foot={{ label: t('returns.form.total'), cells: [<strong key="total" data-testid="print-total">{money(r.total)}</strong>] }}
      />
      {r.rule_set === 'retail' && r.retail ? (
        <PrintFields
          fields={[
            { label: t('returns.field.ruleSet'), value: t('returns.ruleSet.retail'), wide: true },
            { label: t('returns.retail.purchasedOn'), value: formatDate(r.retail.purchased_on, locale) },
            { label: t('returns.retail.invoiceNumber'), value: r.retail.invoice_number || t('returns.retail.noInvoice') },
            { label: t('returns.retail.invoiceMatches'), value: yesNo(r.retail.invoice_matches) },
            { label: t('returns.retail.unopened'), value: yesNo(r.retail.unopened) },
            { label: t('returns.retail.defective'), value: yesNo(r.retail.defective) },
            { label: t('returns.retail.shelfLifeUntil'), value: r.retail.shelf_life_until ? formatDate(r.retail.shelf_life_until, locale) : null },
            ...(r.refund_due_on ? [{ label: t('returns.retail.refundDueOn'), value: formatDate(r.refund_due_on, locale) }] : []),
          ]}
        />
      ) : (
        <PrintTable
          caption={t('returns.form.sectionGrounds')}
          rows={[...GROUNDS]}
          columns={[
            { key: 'ground', title: t('returns.form.sectionGrounds'), render: (g) => `${tick(!!e[g])} ${t(`returns.grounds.${g}`)}` },
            { key: 'basis', title: t('returns.grounds.basis'), render: (g) => e[g] ?? '' },
          ]}
        />
      )}
      {(r.retention_note || r.refusal_reason || r.extension_reason) && (
        <PrintFields
          fields={[
            ...(r.retention_note ? [{ label: t('returns.field.retentionNote'), value: r.retention_note, wide: true }] : []),
            ...(r.extension_reason ? [{ label: t('returns.field.extensionReason'), value: r.extension_reason, wide: true }] : []),
            ...(r.refusal_reason ? [{ label: t('returns.field.refusalReason'), value: r.refusal_reason, wide: true }] : []),
          ]}
        />
      )}
      {r.state === 'approved' && <ReturnPrintService application={r} />}
    </PrintLayout>
  );
}
