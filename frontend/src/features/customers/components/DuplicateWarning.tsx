import { Alert, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useDuplicates } from '../api/queries';
import { useDebounced } from '../hooks/useDebounced';
import type { CustomerValues } from '../lib/form';

type Duplicate = Schemas['DuplicateView'];

/** "已有同名客户 C-0001 苏州精密机械有限公司，归属 张业务（已建档）" */
export function duplicateLine(d: Duplicate, t: (key: string, options?: Record<string, unknown>) => string): string {
  const which = d.matched.includes('name') && d.matched.includes('tax_id') ? 'both' : d.matched.includes('tax_id') ? 'taxId' : 'name';
  return t(`customers.duplicate.${which}`, {
    code: d.code,
    name: d.name,
    owner: d.owner.name,
    status: t(`customers.statuses.${d.status}`, { defaultValue: d.status }),
  });
}

/** A list of possible duplicates (on the form while typing, on a pending record). */
export function DuplicateList({ duplicates, hint }: { duplicates: Duplicate[]; hint: string }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="kehu-gap"
      data-testid="duplicates"
      message={t('customers.duplicate.title')}
      description={
        <>
          <ul className="kehu-duplicates">
            {duplicates.map((d) => (
              <li key={d.id}>{duplicateLine(d, t)}</li>
            ))}
          </ul>
          <span className="kehu-muted">{hint}</span>
        </>
      }
    />
  );
}

interface Props {
  form: FormInstance<CustomerValues>;
  /** The record being edited is no duplicate of itself. */
  excludeId?: number;
}

/** Checks the name and tax id as they are typed (debounced) against the whole archive. */
export function DuplicateWarning({ form, excludeId }: Props) {
  const { t } = useTranslation();
  const name: string | undefined = Form.useWatch('name', form);
  const taxId: string | undefined = Form.useWatch('tax_id', form);
  const natural = Form.useWatch('kind', form) === 'natural';
  const settledName = useDebounced((name ?? '').trim());
  const settledTax = useDebounced(natural ? '' : (taxId ?? '').trim());
  const query = useDuplicates(settledName.length >= 2 ? settledName : '', settledTax.length >= 6 ? settledTax : '');
  const found = (query.data ?? []).filter((d) => d.id !== excludeId);
  return (
    <div aria-live="polite">
      <DuplicateList duplicates={found} hint={t('customers.duplicate.hint')} />
    </div>
  );
}
