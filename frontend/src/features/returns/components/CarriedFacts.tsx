import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fenToDecimal, parseMoney } from '../../../lib/money';
import type { Carried } from '../lib/carried';
import { ReturnItems, type ItemRow } from './ReturnItems';

function amount(quantity: number | null, price: ItemRow['unit_price']): ItemRow['amount'] {
  if (quantity === null || !price) return null;
  return { amount: fenToDecimal(BigInt(quantity) * parseMoney(price.amount)), currency: price.currency };
}

/** `validation.not_approved` is the server's general word (an 8D report uses it too): here it is the complaint's resolution. */
const PROBLEM_KEY: Record<NonNullable<Carried['problem']>, string> = {
  not_returnable: 'validation.not_returnable',
  not_approved: 'returns.form.notApproved',
};

/** The complaint line an application comes from, and what it carries over (read-only). */
export function CarriedFacts({ carried: c }: { carried: Carried }) {
  const { t } = useTranslation();
  const items: ItemRow[] = c.items.map((i) => ({ ...i, amount: amount(i.quantity, i.unit_price) }));
  return (
    <div className="kehu-gap" data-testid="carried">
      <p className="kehu-next">
        <Link to={`/complaints/${c.complaint.id}`}>{t('returns.form.fromComplaint', { number: c.complaint.number, n: c.line + 1 })}</Link>
        <br />
        {t('returns.form.fromComplaintHint')}
      </p>
      {c.problem && <Alert type="warning" showIcon className="kehu-gap" message={t(PROBLEM_KEY[c.problem])} />}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 3, lg: 3, xl: 3, xxl: 3 }}
        className="kehu-gap"
        items={[
          { key: 'customer', label: t('returns.field.customer'), children: c.customer },
          { key: 'kind', label: t('returns.field.kind'), children: c.kind ? t(`returns.kind.${c.kind}`) : '—' },
          { key: 'order', label: t('returns.field.orderNumber'), children: c.orderNumber ?? '—' },
        ]}
      />
      <ReturnItems items={items} />
    </div>
  );
}
