import { Alert, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiError, problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { useSession } from '../../auth/hooks/useSession';
import { useCustomerAction } from '../api/mutations';
import { useCustomer } from '../api/queries';
import { customerActions, type CustomerActionName } from '../lib/actions';
import { CustomerActionButtons, CustomerHeader } from './CustomerHeader';
import { CustomerSections } from './CustomerSections';
import { CustomerTabs, type RecordTab } from './CustomerTabs';
import { DuplicateList } from './DuplicateWarning';
import { EditDrawer } from './EditDrawer';
import { ReviewDrawer } from './ReviewDrawer';
import { TransferDrawer } from './TransferDrawer';
import '../../complaints/complaints.css';
import '../customers.css';

/** Kept as keys so the message follows a language switch. */
interface Feedback {
  type: 'success' | 'warning' | 'info';
  key: string;
  action?: CustomerActionName;
  /** A problem's message (already in the user's language). */
  message?: string;
  /** The server's own words on a conflict. */
  detail?: string;
}

type DrawerName = 'edit' | 'review' | 'transfer';

/** One customer record (客户档案): its sections, what the caller may do, history and reads; `tabs` add panes below it. */
export default function CustomerDetailPage({ tabs = [] }: { tabs?: readonly RecordTab[] }) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const location = useLocation();
  const phone = useIsPhone();
  const { user } = useSession();
  const customer = useCustomer(id);
  const act = useCustomerAction();
  const [drawer, setDrawer] = useState<DrawerName | null>(null);
  const [busy, setBusy] = useState<CustomerActionName | null>(null);
  const registered = (location.state as { registered?: boolean } | null)?.registered;
  const [feedback, setFeedback] = useState<Feedback | null>(registered ? { type: 'success', key: 'customers.registered' } : null);
  const c = customer.data;

  useEffect(() => setFeedback(registered ? { type: 'success', key: 'customers.registered' } : null), [id]);

  if (customer.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (customer.isError || !c) {
    const problem = problemToFormErrors(customer.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} subTitle={problem.status === 404 ? t('customers.notFoundHint') : undefined} />;
  }

  const actions = customerActions(c, user);
  const label = (a: CustomerActionName) => t(`customers.actions.${a}`);
  const done = (next: Omit<Feedback, 'type'>, type: Feedback['type'] = 'success') => {
    setDrawer(null);
    setFeedback({ type, ...next });
  };
  const outcome = {
    onConflict: (message: string, detail?: string) => {
      setDrawer(null);
      setFeedback({ type: 'warning', key: 'customers.conflict', message, detail });
      void customer.refetch();
    },
    onStale: () => void customer.refetch(),
  };

  /** Claim and resubmit: confirmed in place, no form. */
  async function quick(action: 'claim' | 'resubmit') {
    if (!c) return;
    setBusy(action);
    setFeedback(null);
    try {
      await act.mutateAsync({ id: c.id, version: c.version, action: { kind: action } });
      setFeedback({ type: 'success', key: 'customers.done', action });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const detail = failure instanceof ApiError ? (failure.problem?.detail ?? undefined) : undefined;
      setFeedback({ type: 'warning', key: p.status === 412 ? 'customers.stale' : 'customers.conflict', message: p.message, detail });
      void customer.refetch();
    } finally {
      setBusy(null);
    }
  }

  const pick = (a: CustomerActionName) => (a === 'claim' || a === 'resubmit' ? void quick(a) : setDrawer(a));
  const showDuplicates = c.status === 'pending_review' || c.status === 'rejected';

  return (
    <article className={phone ? 'kehu-case kehu-case--phone kehu-customer' : 'kehu-case kehu-customer'} aria-labelledby="page-title">
      <CustomerHeader customer={c} actions={actions} busy={busy} onPick={pick} block={phone} />
      <div aria-live="polite">
        {feedback && (
          <Alert
            type={feedback.type}
            showIcon
            closable
            role="status"
            className="kehu-gap"
            message={t(feedback.key, { action: feedback.action && label(feedback.action), message: feedback.message })}
            description={feedback.detail}
            onClose={() => setFeedback(null)}
          />
        )}
      </div>
      {c.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          className="kehu-gap"
          message={t('customers.rejectedBanner', { name: c.reviewed_by?.name ?? '—' })}
          description={<span className="kehu-prose">{c.review_reason ?? ''}</span>}
        />
      )}
      {c.status === 'pending_review' && (
        <Alert type="info" showIcon className="kehu-gap" message={t(c.can_review ? 'customers.pendingYou' : 'customers.pendingBanner')} />
      )}
      {showDuplicates && <DuplicateList duplicates={c.duplicates} hint={t('customers.duplicate.reviewHint')} />}
      <CustomerSections customer={c} />
      <CustomerTabs customer={c} added={tabs} />
      {phone && actions.length > 0 && (
        <div className="kehu-action-bar" role="toolbar" aria-label={t('detail.actions')}>
          <CustomerActionButtons actions={actions} busy={busy} onPick={pick} block />
        </div>
      )}
      <EditDrawer
        customer={c}
        open={drawer === 'edit'}
        onClose={() => setDrawer(null)}
        onDone={(changed) => (changed ? done({ key: 'customers.saved' }) : done({ key: 'customers.unchanged' }, 'info'))}
        {...outcome}
      />
      <ReviewDrawer
        customer={c}
        open={drawer === 'review'}
        onClose={() => setDrawer(null)}
        onDone={(decision) => done({ key: `customers.review.done.${decision}` })}
        {...outcome}
      />
      <TransferDrawer
        customer={c}
        open={drawer === 'transfer'}
        onClose={() => setDrawer(null)}
        onDone={() => done({ key: 'customers.done', action: 'transfer' })}
        {...outcome}
      />
    </article>
  );
}
