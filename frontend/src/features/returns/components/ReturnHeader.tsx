import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { ReturnStateTag } from '../../../components/ReturnStateTag';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatMoney } from '../../../lib/format';

/** Number (big), customer, complaint, kind, rule set, state, total, a consumer return's refund date, an exchange's new order, and the buttons. */
export function ReturnHeader({ application: r, actions }: { application: Schemas['ReturnView']; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  usePageTitle(`${r.number} · ${r.customer.name}`);
  return (
    <header className="kehu-case-head kehu-return-head">
      <div className="kehu-case-head__main">
        <Typography.Title level={1} id="page-title" className="kehu-case-head__number">
          {r.number}
        </Typography.Title>
        <div className="kehu-case-head__customer">
          <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link>
          {r.complaint && (
            <span className="kehu-muted">
              {' · '}
              {t('returns.field.complaint')} <Link to={`/complaints/${r.complaint.id}`}>{r.complaint.name}</Link>
            </span>
          )}
        </div>
        <div className="kehu-case-head__tags" data-testid="return-tags">
          <Tag>{t(`returns.kind.${r.kind}`)}</Tag>
          {r.rule_set === 'retail' && <Tag color="blue">{t('returns.ruleSet.retail')}</Tag>}
          <ReturnStateTag state={r.state} overdue={r.overdue} />
          {r.extended && <Tag color="warning">{t('returns.detail.extended')}</Tag>}
          <span className="kehu-return-head__total">
            {t('returns.form.total')} <strong data-testid="header-total">{formatMoney(r.total.amount, i18n.language, r.total.currency)}</strong>
          </span>
        </div>
        {r.refund_due_on && (
          <div className="kehu-return-head__exchange" data-testid="header-refund-due">
            {t('returns.retail.refundDueOn')} <strong>{formatDate(r.refund_due_on, i18n.language)}</strong>
          </div>
        )}
        {r.exchange_order && (
          <div className="kehu-return-head__exchange" data-testid="exchange-order">
            {t('returns.field.exchangeOrder')} <strong>{r.exchange_order.order_number}</strong>
          </div>
        )}
      </div>
      {actions && <div className="kehu-case-head__actions">{actions}</div>}
    </header>
  );
}
