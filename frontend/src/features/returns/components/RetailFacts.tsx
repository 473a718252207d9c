import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { Fields } from '../../complaints/components/sections/CaseSection';
import { problemText } from '../lib/retail';

type ReturnView = Schemas['ReturnView'];

/** The consumer's facts as recorded (零售退换货规则), and a return's refund date once approved. */
export function RetailFacts({ application: r }: { application: ReturnView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const f = r.retail;
  if (!f) return <p className="kehu-muted">{t('returns.retail.none')}</p>;
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <div data-testid="retail-facts">
      <Fields
        rows={[
          { label: t('returns.retail.purchasedOn'), value: formatDate(f.purchased_on, locale) },
          { label: t('returns.retail.invoiceNumber'), value: f.invoice_number || <span className="kehu-muted">{t('returns.retail.noInvoice')}</span> },
          { label: t('returns.retail.invoiceMatches'), value: yesNo(f.invoice_matches) },
          { label: t('returns.retail.unopened'), value: yesNo(f.unopened) },
          { label: t('returns.retail.defective'), value: yesNo(f.defective) },
          { label: t('returns.retail.shelfLifeUntil'), value: f.shelf_life_until ? formatDate(f.shelf_life_until, locale) : null },
          ...(r.refund_due_on
            ? [{ label: t('returns.retail.refundDueOn'), value: <strong data-testid="refund-due">{formatDate(r.refund_due_on, locale)}</strong> }]
            : []),
        ]}
      />
    </div>
  );
}

/**
 * A draft's refusals as the server judges them now (提交前需处理): why
 * submit would be refused, each with its field, so the applicant fixes
 * them in the form first.
 */
export function SubmitProblems({ application: r }: { application: ReturnView }) {
  const { t } = useTranslation();
  const problems = r.eligibility.problems;
  if (r.state !== 'draft' || problems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="kehu-gap"
      message={t('returns.retail.problems')}
      description={
        <ul className="kehu-problems" data-testid="retail-problems">
          {problems.map((p) => (
            <li key={`${p.field}-${p.code}`} data-field={p.field} data-code={p.code}>
              {problemText(p, t)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
