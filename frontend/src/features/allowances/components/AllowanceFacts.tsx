import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import type { AllowanceView } from '../lib/states';

interface Row {
  key: string;
  label: string;
  value: ReactNode;
  /** 'filled': the rest of the row (a long text takes a row of its own at any width). */
  span?: 'filled';
}

/** Label/value pairs, two a row on a desk, one on a phone; empty values show a dash. */
function Facts({ rows, testId }: { rows: Row[]; testId: string }) {
  return (
    <Descriptions
      size="small"
      data-testid={testId}
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={rows.map((r) => ({
        key: r.key,
        label: r.label,
        span: r.span,
        children: r.value === null || r.value === undefined || r.value === '' ? '—' : r.value,
      }))}
    />
  );
}

const prose = (text: string | null | undefined) => (text ? <div className="kehu-prose">{text}</div> : null);

/** 证明单内容: the complaint line it is for, the invoice, the reason, and how the signatories decided. */
export function CertificateFacts({ allowance: a }: { allowance: AllowanceView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Facts
      testId="allowance-facts"
      rows={[
        { key: 'customer', label: t('allowances.field.customer'), value: <Link to={`/customers/${a.customer.id}`}>{a.customer.name}</Link> },
        {
          key: 'complaint',
          label: t('allowances.field.complaint'),
          value: (
            <>
              <Link to={`/complaints/${a.complaint.id}`}>{a.complaint.name}</Link>{' '}
              <span className="kehu-muted">{t('allowances.field.line', { n: a.complaint_line + 1 })}</span>
            </>
          ),
        },
        { key: 'kind', label: t('allowances.field.kind'), value: t(`allowances.kind.${a.kind}`, { defaultValue: a.kind }) },
        { key: 'amount', label: t('allowances.field.amount'), value: <span className="kehu-amount">{formatMoney(a.amount.amount, locale, a.amount.currency)}</span> },
        { key: 'invoice', label: t('allowances.field.invoiceNumber'), value: a.invoice_number },
        { key: 'department', label: t('allowances.field.department'), value: a.sales_department.name },
        { key: 'raised_by', label: t('allowances.field.raisedBy'), value: a.raised_by.name },
        { key: 'created_at', label: t('allowances.field.createdAt'), value: formatDateTime(a.created_at, locale) },
        { key: 'reason', label: t('allowances.field.reason'), value: prose(a.reason), span: 'filled' },
        ...(a.refusal_reason ? [{ key: 'refusal', label: t('allowances.field.refusalReason'), value: prose(a.refusal_reason), span: 'filled' as const }] : []),
        ...(a.decided_at ? [{ key: 'decided', label: t(`allowances.field.${a.state === 'refused' ? 'refusedAt' : 'decidedAt'}`), value: formatDateTime(a.decided_at, locale) }] : []),
      ]}
    />
  );
}

/** 客户签章 and 会计作账: who signed for the customer, when, with which proof; the voucher it was booked under. */
export function SigningFacts({ allowance: a }: { allowance: AllowanceView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Facts
      testId="allowance-signing"
      rows={[
        { key: 'signer', label: t('allowances.field.signer'), value: a.signer },
        { key: 'signed_on', label: t('allowances.field.signedOn'), value: a.signed_on ? formatDate(a.signed_on, locale) : null },
        {
          key: 'proof',
          label: t('allowances.proof.title'),
          value: a.proof_kind ? (
            <span data-testid="allowance-proof">
              {t(`allowances.proofName.${a.proof_kind}`)}
              {a.proof_reference && ` ${a.proof_reference}`}
              <div className="kehu-muted">{t(`allowances.proof.${a.proof_kind}`)}</div>
            </span>
          ) : null,
          span: 'filled',
        },
        { key: 'voucher', label: t('allowances.field.voucher'), value: a.voucher ? <strong data-testid="allowance-voucher">{a.voucher}</strong> : null },
        {
          key: 'booked',
          label: t('allowances.field.bookedBy'),
          value: a.booked_by ? `${a.booked_by.name}${a.booked_at ? ` · ${formatDateTime(a.booked_at, locale)}` : ''}` : null,
        },
      ]}
    />
  );
}
