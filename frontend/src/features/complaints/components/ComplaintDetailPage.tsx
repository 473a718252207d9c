import { Alert, Card, Col, Result, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { useNow } from '../../../components/useNow';
import { formatMoney } from '../../../lib/format';
import { useComplaint, useComplaintEvents } from '../api/queries';
import type { ActionName } from '../lib/actions';
import { ActionButtons } from './ActionButtons';
import { ActionDrawer } from './ActionDrawer';
import { CaseSections } from './CaseSections';
import { DetailHeader } from './DetailHeader';
import { HistoryTimeline } from './HistoryTimeline';
import { RouteSteps } from './RouteSteps';
import '../complaints.css';

/** Kept as keys so the message follows a language switch. */
interface Feedback {
  type: 'success' | 'warning';
  key: 'detail.done' | 'detail.conflict';
  action: ActionName;
  detail?: string;
}

/** One case: header, route, department cards, history, and my actions. */
export default function ComplaintDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { hash } = useLocation();
  const phone = useIsPhone();
  const now = useNow();
  const complaint = useComplaint(id);
  const events = useComplaintEvents(id);
  const [action, setAction] = useState<ActionName | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const c = complaint.data;

  // Open at the section the step concerns (links from My tasks carry #section-...).
  useEffect(() => {
    if (c && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [c?.id, hash]);

  useEffect(() => setFeedback(null), [id]);

  if (complaint.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (complaint.isError || !c) {
    const problem = problemToFormErrors(complaint.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }

  const refresh = () => {
    void complaint.refetch();
    void events.refetch();
  };
  const editDraft = c.state === 'draft' && c.available_actions.includes('submit') ? () => navigate(`/complaints/${c.id}/edit`) : undefined;
  const buttons = (block: boolean) => (
    <ActionButtons available={c.available_actions} onPick={(a) => setAction(a)} onEdit={editDraft} block={block} />
  );
  const awaitingMyApproval = c.available_actions.includes('approve');
  const total = c.resolution.settlement_total;

  return (
    <article className={phone ? 'kehu-case kehu-case--phone' : 'kehu-case'} aria-labelledby="page-title">
      <DetailHeader complaint={c} now={now} actions={phone ? undefined : buttons(false)} />
      <div aria-live="polite">
        {feedback && (
          <Alert
            type={feedback.type}
            showIcon
            closable
            message={t(feedback.key, { action: t(`action.${feedback.action}`), detail: feedback.detail })}
            onClose={() => setFeedback(null)}
            className="kehu-gap"
            role="status"
          />
        )}
      </div>
      {awaitingMyApproval && (
        <Alert
          type="info"
          showIcon
          className="kehu-gap kehu-approval-banner"
          message={t('detail.awaitingYourApproval', {
            total: total ? formatMoney(total.amount, i18n.language, total.currency) : '—',
          })}
          description={t('detail.awaitingYourApprovalHint')}
        />
      )}
      <Card size="small" className="kehu-gap">
        <RouteSteps complaint={c} events={events.data?.items ?? []} now={now} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <CaseSections complaint={c} events={events.data?.items ?? []} />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<h2 className="kehu-section__title">{t('detail.history')}</h2>} className="kehu-history-card">
            {events.isPending ? <Skeleton active /> : <HistoryTimeline events={events.data?.items ?? []} />}
          </Card>
        </Col>
      </Row>
      {phone && c.available_actions.length > 0 && (
        <div className="kehu-action-bar" role="toolbar" aria-label={t('detail.actions')}>
          {buttons(true)}
        </div>
      )}
      <ActionDrawer
        complaint={c}
        action={action}
        onClose={() => setAction(null)}
        onStale={refresh}
        onConflict={(a, message) => {
          setAction(null);
          setFeedback({ type: 'warning', key: 'detail.conflict', action: a, detail: message });
          refresh();
        }}
        onDone={(a, result) => {
          setAction(null);
          if (result.follow_up_id) {
            navigate(`/complaints/${result.follow_up_id}/edit`);
            return;
          }
          setFeedback({ type: 'success', key: 'detail.done', action: a });
          void events.refetch();
        }}
      />
    </article>
  );
}
