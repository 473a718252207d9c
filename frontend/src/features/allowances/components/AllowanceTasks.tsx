import { useTranslation } from 'react-i18next';
import { TaskBox } from '../../../components/TaskBox';
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
    <TaskBox
      titleId="allowance-tasks-title"
      title={t('allowances.task.title')}
      items={items}
      order={byAge}
      row={(a) => {
        const waiting = waitingFor(a.state);
        return {
          to: `/allowances/${a.id}`,
          label: t('allowances.list.open', { number: a.number, customer: a.customer.name }),
          number: a.number,
          tags: <AllowanceStateTag state={a.state} />,
          customer: a.customer.name,
          meta: (
            <>
              <span>
                {t(`allowances.kind.${a.kind}`, { defaultValue: a.kind })} · {formatMoney(a.amount.amount, locale, a.amount.currency)}
              </span>
              <span>
                {t('allowances.field.complaint')} {a.complaint.name}
              </span>
              {waiting && <span className="kehu-task__action">{t(`allowances.task.${waiting}`)}</span>}
            </>
          ),
          due: <span className="kehu-muted">{formatDate(a.created_at, locale)}</span>,
        };
      }}
    />
  );
}
