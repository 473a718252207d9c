import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { CountdownTag, StateTag } from '../../../components/CaseTags';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/format';
import { useRecurrence } from '../api/queries';

/**
 * 重复投诉 → the earlier case. ComplaintView carries only its id; its number
 * comes from the recurrence read, made only for a case that is a repeat.
 */
function RepeatOf({ complaintId, repeatOfId }: { complaintId: number; repeatOfId: number }) {
  const { t } = useTranslation();
  const recurrence = useRecurrence(complaintId);
  const linked = recurrence.data?.repeat_of;
  const name = linked?.id === repeatOfId ? linked.name : `#${repeatOfId}`;
  return (
    <span data-testid="repeat-of">
      <Tag color="orange">{t('recurrence.repeat')}</Tag>
      <Link to={`/complaints/${repeatOfId}`} className="kehu-link-small" aria-label={t('recurrence.repeatOfCase', { name })}>
        {name}
      </Link>
    </span>
  );
}

/** Number (big), customer, product, state, badges, whole-case deadline, market, actions. */
export function DetailHeader({ complaint: c, now, actions }: { complaint: Schemas['ComplaintView']; now: number; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const number = c.number ?? t('complaints.noNumber');
  usePageTitle(`${number} · ${c.customer.name}`);
  return (
    <header className="kehu-case-head">
      <div className="kehu-case-head__main">
        <Typography.Title level={1} id="page-title" className="kehu-case-head__number">
          {number}
        </Typography.Title>
        <div className="kehu-case-head__customer">
          <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link>
          {c.intake.product_number && <span className="kehu-muted"> · {c.intake.product_number}</span>}
        </div>
        <div className="kehu-case-head__tags" data-testid="case-tags">
          <StateTag state={c.state} closure={c.closure} />
          {c.severity && <Tag color={c.severity === 'severe' ? 'red' : 'default'}>{t(`severity.${c.severity}`)}</Tag>}
          {c.kind && <Tag>{t(`kind.${c.kind}`)}</Tag>}
          {c.is_major && <Tag color="red">{t('complaint.major')}</Tag>}
          {c.customer_supply_hold && (
            <Tag color="red" data-testid="supply-hold-tag">
              {t('customer.supplyHold')}
            </Tag>
          )}
          <Tag>{t(`market.${c.market}`, { defaultValue: c.market })}</Tag>
          {c.supersedes_id && (
            <Link to={`/complaints/${c.supersedes_id}`} className="kehu-link-small">
              {t('detail.supersedes')}
            </Link>
          )}
          {c.repeat_of_id != null && <RepeatOf complaintId={c.id} repeatOfId={c.repeat_of_id} />}
        </div>
        {c.case_due_at && c.state !== 'closed' && (
          <div className="kehu-case-head__due">
            <span>{t('detail.caseDue', { time: formatDateTime(c.case_due_at, i18n.language) })}</span>
            <CountdownTag dueAt={c.case_due_at} startedAt={c.registered_at} now={now} label={t('detail.caseDueLabel')} />
          </div>
        )}
      </div>
      {actions && <div className="kehu-case-head__actions">{actions}</div>}
    </header>
  );
}
