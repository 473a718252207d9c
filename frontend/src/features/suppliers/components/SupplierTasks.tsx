import { useTranslation } from 'react-i18next';
import { TaskBox } from '../../../components/TaskBox';
import { formatDate } from '../../../lib/format';
import { SUPPLIER_SECTION, type SupplierRequest } from '../lib/supplier';
import { OverdueTag, SupplierStateTag } from './SupplierRequestPanel';
import '../suppliers.css';

/** Overdue first, then by due date (as the server sends them; sorted again so the order does not depend on it). */
function byDue(a: SupplierRequest, b: SupplierRequest): number {
  return Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on) || a.id - b.id;
}

/** The longest waiting answer first. */
function byAnswered(a: SupplierRequest, b: SupplierRequest): number {
  return (a.answered_on ?? a.due_on).localeCompare(b.answered_on ?? b.due_on) || a.id - b.id;
}

interface Props {
  items: SupplierRequest[];
  /** `requested`: the coordinator's box of requests waiting for the supplier; `answered`: QA's answers to review. */
  kind: 'requested' | 'answered';
}

/**
 * 待供应商回复 (the coordinator's: chase the supplier, record its answer) or
 * 待审核的供应商回复 (QA's: accept the answer or send it back) in My tasks:
 * each opens the case at its supplier requests.
 */
export function SupplierTasks({ items, kind }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <TaskBox
      titleId={`supplier-${kind}-tasks-title`}
      title={t(`supplier.task.${kind}.title`)}
      items={items}
      order={kind === 'requested' ? byDue : byAnswered}
      row={(r) => ({
        to: `/complaints/${r.complaint.id}#${SUPPLIER_SECTION}`,
        label: t('supplier.task.open', { number: r.complaint.name, supplier: r.supplier }),
        overdue: r.overdue,
        number: r.complaint.name,
        tags: (
          <>
            <SupplierStateTag state={r.state} />
            {r.overdue && <OverdueTag />}
          </>
        ),
        mainClassName: 'kehu-supplier-task',
        meta: (
          <>
            {r.product_number && (
              <span>
                {t('complaint.partNumber')}: {r.product_number}
              </span>
            )}
            <span className="kehu-task__action">{t(`supplier.task.${kind}.needs`)}</span>
            {kind === 'answered' && r.answered_on && <span>{t('supplier.task.answeredOn', { date: formatDate(r.answered_on, locale) })}</span>}
          </>
        ),
        detail: <div className="kehu-supplier-task__supplier">{r.supplier}</div>,
        due: <span className="kehu-muted">{t('supplier.task.due', { date: formatDate(r.due_on, locale) })}</span>,
      })}
    />
  );
}
