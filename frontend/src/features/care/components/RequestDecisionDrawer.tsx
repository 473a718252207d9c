import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { DecisionDrawer, type DecisionProps } from '../../customers/components/DecisionDrawer';
import { useDecideRequest } from '../api/mutations';
import { useRequestSummary } from './RequestTable';

/** 批准 / 不批准 a credit or deregistration request. */
export function RequestDecisionDrawer(props: DecisionProps<Schemas['CustomerRequestView']>) {
  const { t } = useTranslation();
  const decide = useDecideRequest();
  const summary = useRequestSummary();
  const label = t(props.approve ? 'care.request.approve' : 'care.request.refuse');
  return (
    <DecisionDrawer
      {...props}
      label={label}
      title={t('care.request.decideTitle', { action: label })}
      facts={(r) => [
        { key: 'customer', label: t('customers.name'), children: r.customer.name },
        { key: 'kind', label: t('care.request.kind'), children: t(`care.request.kinds.${r.kind}`, { defaultValue: r.kind }) },
        { key: 'what', label: t('care.request.what'), children: summary(r) },
        { key: 'by', label: t('care.request.by'), children: r.requested_by.name },
        { key: 'reason', label: t('drawer.reason'), children: <span className="kehu-prose">{r.reason}</span> },
      ]}
      next={t(props.approve ? 'care.request.nextApprove' : 'care.request.nextRefuse')}
      name="request-decision"
      decide={decide}
    />
  );
}
