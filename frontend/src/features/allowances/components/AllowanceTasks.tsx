import { RightOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../lib/format';
import { waitingFor, type AllowanceSummary } from '../lib/states';
import { AllowanceStateTag } from './AllowanceStateTag';

/** Waiting longest first (a certificate's steps have no deadline). */
function byAge(a: AllowanceSummary, b: AllowanceSummary): number {
  const d = Date.parse(a.created_at) - Date.parse(b.created_at);
  return d === 0 ? a.id - b.id : d;
}

/**
 * 销货折让证明单待办 in My tasks: the certificates at my step (`box=to_act`),
 * each saying what it waits for — my countersignature, the customer's
 * signature (its applicant), accounting's booking — and opening its page.
 */
export function AllowanceTasks({ items }: { items: AllowanceSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <section className="kehu-gap-top" aria-labelledby="allowance-tasks-title">
      <Typography.Title level={2} id="allowance-tasks-title" className="kehu-form__section">
        {t('allowances.task.title')}
      </Typography.Title>
      <List
        className="kehu-tasks"
        aria-label={t('allowances.task.title')}
        dataSource={[...items].sort(byAge)}
        rowKey="id"
        renderItem={(a) => {
          const waiting = waitingFor(a.state);
          return (
            <List.Item className="kehu-task">
              <Link to={`/allowances/${a.id}`} className="kehu-task__link" aria-label={t('allowances.list.open', { number: a.number, customer: a.customer.name })}>
                <div className="kehu-task__main">
                  <div className="kehu-task__title">
                    <span className="kehu-task__number">{a.number}</span>
                    <AllowanceStateTag state={a.state} />
                  </div>
                  <div className="kehu-task__customer">{a.customer.name}</div>
                  <div className="kehu-task__meta">
                    <span>
                      {t(`allowances.kind.${a.kind}`, { defaultValue: a.kind })} · {formatMoney(a.amount.amount, locale, a.amount.currency)}
                    </span>
                    <span>
                      {t('allowances.field.complaint')} {a.complaint.name}
                    </span>
                    {waiting && <span className="kehu-task__action">{t(`allowances.task.${waiting}`)}</span>}
                  </div>
                </div>
                <div className="kehu-task__due">
                  <span className="kehu-muted">{formatDate(a.created_at, locale)}</span>
                  <RightOutlined aria-hidden className="kehu-task__chevron" />
                </div>
              </Link>
            </List.Item>
          );
        }}
      />
    </section>
  );
}
