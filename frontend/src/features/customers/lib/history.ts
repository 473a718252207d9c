/**
 * The change history (变更记录) speaks the user's language: coded values
 * become labels, ids become names, fen become money.
 */
import { fenToDecimal, formatMoney } from '../../../lib/money';
import { formatDate } from '../../../lib/datetime';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface Names {
  user: (id: number) => string | undefined;
  department: (id: number) => string | undefined;
}

function ids(value: string): number[] {
  return value
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

/** One old or new value of `field` as shown; '—' when empty. */
export function changeValue(field: string, value: string | null | undefined, t: Translate, locale: string, names: Names): string {
  if (value === null || value === undefined || value === '') return '—';
  const label = (key: string) => t(key, { defaultValue: value });
  switch (field) {
    case 'kind':
      return label(`customers.kinds.${value}`);
    case 'market':
      return label(`market.${value}`);
    case 'category':
      return label(`customer.category.${value}`);
    case 'customer_class':
      return t('customers.classValue', { value });
    case 'confidentiality':
      return label(`customer.confidentiality.${value}`);
    case 'status':
      return label(`customers.statuses.${value}`);
    case 'supply_hold':
      return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    case 'payment_term_days':
      return t('customers.days', { count: Number(value) });
    case 'credit_limit_fen':
      return /^-?\d+$/.test(value) ? formatMoney(fenToDecimal(BigInt(value)), locale) : value;
    case 'first_contact_on':
    case 'last_deal_on':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value;
    case 'owner_id':
      return names.user(Number(value)) ?? `#${value}`;
    case 'department_id':
      return names.department(Number(value)) ?? `#${value}`;
    case 'staff': {
      const list = ids(value).map((id) => names.user(id) ?? `#${id}`);
      return list.length ? list.join(t('common.listSeparator')) : '—';
    }
    default:
      return value;
  }
}

/** The field's label ("地址"), or the code when unknown. */
export function changeField(field: string, t: Translate): string {
  return t(`customers.field.${field}`, { defaultValue: field });
}
