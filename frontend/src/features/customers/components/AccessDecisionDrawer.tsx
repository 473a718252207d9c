import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useDecideAccess } from '../api/mutations';
import { DecisionDrawer, type DecisionProps } from './DecisionDrawer';

/** 批准 / 不批准 an access request. */
export function AccessDecisionDrawer(props: DecisionProps<Schemas['AccessRequestView']>) {
  const { t } = useTranslation();
  const decide = useDecideAccess();
  const label = props.approve ? t('customers.access.approve') : t('customers.access.refuse');
  return (
    <DecisionDrawer
      {...props}
      label={label}
      title={t('customers.access.decideTitle', { action: label })}
      facts={(r) => [
        { key: 'customer', label: t('customers.access.customer'), children: `${r.customer_code} ${r.customer.name}` },
        { key: 'requester', label: t('customers.access.requester'), children: r.requester.name },
        { key: 'reason', label: t('customers.access.reason'), children: <span className="kehu-prose">{r.reason}</span> },
      ]}
      next={t(props.approve ? 'customers.access.nextApprove' : 'customers.access.nextRefuse')}
      name="access-decision"
      decide={decide}
      decided={t('customers.access.decided')}
    />
  );
}
