import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../../api/types';
import { formatDate, formatMoney, formatQuantity } from '../../../../lib/format';
import { Fields, Prose } from './CaseSection';

/** The complaint form as sales filed it. */
export function IntakeBody({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const i = c.intake;
  const pcs = (n: number | null | undefined) => (n === null || n === undefined ? null : `${formatQuantity(n, locale)} ${t('intake.pcs')}`);
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Fields
      rows={[
        { label: t('intake.customer'), value: c.customer.name },
        { label: t('complaint.market'), value: t(`market.${c.market}`, { defaultValue: c.market }) },
        { label: t('complaint.orderNumber'), value: i.order_number },
        { label: t('intake.channel'), value: i.channel ? t(`channel.${i.channel}`, { defaultValue: i.channel }) : null },
        { label: t('complaint.partNumber'), value: i.product_number },
        { label: t('complaint.specification'), value: i.product_spec },
        { label: t('complaint.shipDate'), value: i.ship_date ? formatDate(i.ship_date, locale) : null },
        { label: t('complaint.quantityShipped'), value: pcs(i.quantity_shipped) },
        { label: t('complaint.defectiveQuantity'), value: pcs(i.defective_quantity) },
        { label: t('complaint.defectRate'), value: i.defect_rate_percent ? `${i.defect_rate_percent}%` : null },
        { label: t('complaint.whereFound'), value: i.found_at },
        {
          label: t('complaint.customerRequest'),
          value:
            i.requests.map((r) => t(`request.${r}`, { defaultValue: r })).join(t('common.listSeparator')) +
            (i.request_quantity_undetermined ? ` (${t('complaint.quantityUndetermined')})` : ''),
        },
        { label: t('intake.claimAmount'), value: i.claim_amount ? formatMoney(i.claim_amount.amount, locale, i.claim_amount.currency) : null },
        {
          label: t('intake.sample'),
          value: i.has_sample ? `${yesNo(true)}${i.sample_return_required ? ` · ${t('intake.sampleReturn')}` : ''}` : yesNo(false),
        },
        { label: t('intake.description'), value: <Prose>{i.description}</Prose>, span: 2 },
        { label: t('detail.filedBy'), value: `${c.created_by.name} · ${c.sales_department.name}` },
        { label: t('complaints.createdAt'), value: formatDate(c.created_at, locale) },
      ]}
    />
  );
}
