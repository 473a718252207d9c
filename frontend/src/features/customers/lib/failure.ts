import type { Translate } from '../../../api/problem';
import type { ActionOutcome, FailureRules } from '../../../components/form-drawer/failure';
import { formFieldName } from './form';

/**
 * How a drawer acting on a customer (or its care records) words a failure:
 * fields by their catalog names, a 412 as "changed meanwhile", a 409 left to the page.
 */
export function customerFailure(t: Translate, fields: readonly string[], outcome: ActionOutcome): FailureRules {
  return {
    fields,
    outcome,
    fieldName: formFieldName,
    fieldLabel: (f) => t(`customers.field.${f}`, { defaultValue: f }),
    messages: { 412: t('customers.stale') },
  };
}
