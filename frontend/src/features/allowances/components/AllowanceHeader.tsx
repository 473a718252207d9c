import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StepDeadline } from '../../../components/StepDeadline';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatMoney } from '../../../lib/format';
import type { AllowanceView } from '../lib/states';
import { AllowanceStateTag } from './AllowanceStateTag';

/** Number (big), customer, complaint, kind, state, the step's deadline, amount, and the buttons. */
export function AllowanceHeader({ allowance: a, actions }: { allowance: AllowanceView; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  usePageTitle(`${a.number} · ${a.customer.name}`);
  return (
    <header className="kehu-allowance-head">
      <div>
        <Typography.Title level={1} id="page-title" className="kehu-allowance-head__number">
          {a.number}
        </Typography.Title>
        <div className="kehu-allowance-head__customer">
          <Link to={`/customers/${a.customer.id}`}>{a.customer.name}</Link>
          <span className="kehu-muted">
            {' · '}
            {t('allowances.field.complaint')} <Link to={`/complaints/${a.complaint.id}`}>{a.complaint.name}</Link>
          </span>
        </div>
        <div className="kehu-tags" data-testid="allowance-tags">
          <Tag>{t(`allowances.kind.${a.kind}`, { defaultValue: a.kind })}</Tag>
          <AllowanceStateTag state={a.state} />
          <StepDeadline dueAt={a.step_due_at} overdue={a.overdue} extended={a.step_extended} testId="allowance-deadline" />
          <span className="kehu-allowance-head__amount">
            {t('allowances.field.amount')} <strong data-testid="header-amount">{formatMoney(a.amount.amount, i18n.language, a.amount.currency)}</strong>
          </span>
        </div>
      </div>
      {actions && <div>{actions}</div>}
    </header>
  );
}
