import { Alert, Button, Empty, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors, type Translate } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { CountdownTag, StateTag } from '../../../components/CaseTags';
import { PageHeading } from '../../../components/PageHeading';
import { TaskList, type TaskRowProps } from '../../../components/TaskBox';
import { useNow } from '../../../components/useNow';
import { useAllowancesToAct } from '../../allowances/api/queries';
import { AllowanceTasks } from '../../allowances/components/AllowanceTasks';
import { useSession } from '../../auth/hooks/useSession';
import { caseLink, STEP_ACTION } from '../../complaints/lib/states';
import { useEightDInReview } from '../../eight-d/api/queries';
import { EightDTasks } from '../../eight-d/components/EightDTasks';
import { useDueChecks, useWaitingDeferrals } from '../../improvement/api/queries';
import { DeferralTasks } from '../../improvement/components/DeferralTasks';
import { EffectivenessTasks } from '../../improvement/components/EffectivenessTasks';
import { mayCheck } from '../../improvement/lib/check';
import { mayDecideDeferrals } from '../../improvement/lib/deferral';
import { usePendingPetitions } from '../../petitions/api/queries';
import { PetitionTasks } from '../../petitions/components/PetitionTasks';
import { mayDecidePetitions } from '../../petitions/lib/petition';
import { useReturnsToAct } from '../../returns/api/queries';
import { useSupplierRequests } from '../../suppliers/api/queries';
import { SupplierTasks } from '../../suppliers/components/SupplierTasks';
import { mayChaseSuppliers, mayReviewSupplierAnswers } from '../../suppliers/lib/supplier';
import { useMyTasks } from '../api/queries';
import { byTimeLeft } from '../lib';
import { ReturnTasks } from './ReturnTasks';

/**
 * 待办: the cases waiting for me, by time left, then the return applications,
 * allowance certificates, (for the QA manager) 8D reports at my step, (for
 * quality) the effectiveness checks that fell due and (for the deputy GM and
 * the GM) the deferral requests to decide, (for the GM) the petitions, and
 * the supplier requests waiting for an answer (the coordinator's) or for
 * review (QA's).
 * The landing page.
 */
export default function MyTasksPage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const { user } = useSession();
  const now = useNow();
  const items = useMemo(() => [...(tasks.data ?? [])].sort(byTimeLeft), [tasks.data]);
  // A failed read of the returns hides their section: the cases are the page's business.
  const returns = useReturnsToAct().data?.items ?? [];
  // The allowance certificates likewise.
  const allowances = useAllowancesToAct().data?.items ?? [];
  // Only the QA manager approves 8D reports: nobody else is asked for the list.
  const eightD = useEightDInReview(user?.roles.includes('qa_manager') ?? false).data?.items ?? [];
  // Quality checks the corrective actions: only they are asked for the checks that fell due.
  const checks = useDueChecks(mayCheck(user?.roles)).data?.items ?? [];
  // Only the deputy GM and the GM decide deferrals.
  const deferrals = useWaitingDeferrals(mayDecideDeferrals(user?.roles)).data?.items ?? [];
  // Only the GM decides petitions (签呈).
  const petitions = usePendingPetitions(mayDecidePetitions(user?.roles)).data?.items ?? [];
  // The coordinator chases the suppliers' answers; QA reviews them.
  const supplierWaiting = useSupplierRequests('requested', mayChaseSuppliers(user?.roles)).data?.items ?? [];
  const supplierAnswers = useSupplierRequests('answered', mayReviewSupplierAnswers(user?.roles)).data?.items ?? [];
  const canFile = user?.roles.includes('sales') ?? false;

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading
        title={t('pages.tasks.title')}
        extra={
          canFile && (
            <Link to="/complaints/new">
              <Button type="primary">{t('complaints.new')}</Button>
            </Link>
          )
        }
      />
      {tasks.isError && <Alert type="error" showIcon message={problemToFormErrors(tasks.error, t).message} />}
      {tasks.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && returns.length === 0 && allowances.length === 0 && eightD.length === 0 && checks.length === 0 && deferrals.length === 0 && petitions.length === 0 && supplierWaiting.length === 0 && supplierAnswers.length === 0 && !tasks.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>{t('pages.tasks.empty')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('pages.tasks.emptyHint')}</Typography.Paragraph>
            </>
          }
        />
      ) : (
        items.length > 0 && <TaskList label={t('pages.tasks.title')} items={items} row={(task) => taskRow(task, now, t)} />
      )}
      {returns.length > 0 && <ReturnTasks items={returns} />}
      {allowances.length > 0 && <AllowanceTasks items={allowances} />}
      {eightD.length > 0 && <EightDTasks items={eightD} />}
      {checks.length > 0 && <EffectivenessTasks items={checks} />}
      {deferrals.length > 0 && <DeferralTasks items={deferrals} />}
      {petitions.length > 0 && <PetitionTasks items={petitions} />}
      {supplierWaiting.length > 0 && <SupplierTasks kind="requested" items={supplierWaiting} />}
      {supplierAnswers.length > 0 && <SupplierTasks kind="answered" items={supplierAnswers} />}
    </section>
  );
}

function taskRow(task: Schemas['ComplaintSummary'], now: number, t: Translate): TaskRowProps {
  const action = STEP_ACTION[task.state];
  const number = task.number ?? t('complaints.noNumber');
  return {
    to: caseLink(task.id, task.state),
    label: t('tasks.open', { number, customer: task.customer.name }),
    overdue: task.step_overdue,
    number,
    tags: (
      <>
        <StateTag state={task.state} />
        {task.is_major && <Tag color="red">{t('complaint.major')}</Tag>}
      </>
    ),
    customer: task.customer.name,
    meta: (
      <>
        {task.product_number && (
          <span>
            {t('complaint.partNumber')}: {task.product_number}
          </span>
        )}
        {action && <span className="kehu-task__action">{t('tasks.needs', { action: t(`action.${action}`) })}</span>}
      </>
    ),
    due: task.step_due_at ? (
      <CountdownTag dueAt={task.step_due_at} startedAt={task.step_entered_at} now={now} label={t('complaint.deadline')} />
    ) : (
      <Tag>{t('tasks.noDeadline')}</Tag>
    ),
  };
}
