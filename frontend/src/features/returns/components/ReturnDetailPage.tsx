import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { useNow } from '../../../components/useNow';
import { useReturnAction } from '../api/mutations';
import { useReturn } from '../api/queries';
import type { ReturnAction } from '../lib/states';
import { InspectionDrawer } from './InspectionDrawer';
import { InspectionSection } from './InspectionSection';
import { HandlingSection } from './HandlingSection';
import { NoteSection } from './NoteSection';
import { OriginalsSection } from './OriginalsSection';
import { ReturnActionButtons } from './ReturnActionButtons';
import { ReturnActionDrawer, type DrawerAction } from './ReturnActionDrawer';
import { ReturnHeader } from './ReturnHeader';
import { ReturnHistory } from './ReturnHistory';
import { SubmitProblems } from './RetailFacts';
import { ReturnSections } from './ReturnSections';
import { ReturnSteps } from './ReturnSteps';
import '../../complaints/complaints.css';
import '../returns.css';

/** A step of the chain, or customer service's inspection. */
type PageAction = ReturnAction | 'inspect';

/** Kept as keys so the message follows a language switch. */
type Feedback =
  | { type: 'success'; key: 'detail.done'; action: PageAction }
  | { type: 'success'; key: 'returns.form.saved'; number: string }
  | { type: 'warning'; key: 'returns.detail.conflict' | 'returns.detail.stale' | 'returns.service.conflict'; action: PageAction; detail?: string }
  | { type: 'error'; key: 'failure'; message: string };

/** One application: header, the chain, its sections, history, and my actions. */
export default function ReturnDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useIsPhone();
  const now = useNow();
  const query = useReturn(id);
  const withdraw = useReturnAction();
  const [action, setAction] = useState<DrawerAction | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [feedback, setFeedback] = useState<Feedback | null>(saved ? { type: 'success', key: 'returns.form.saved', number: saved } : null);
  const r = query.data;

  useEffect(() => {
    if (!saved) setFeedback(null);
  }, [id]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !r) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }

  const refresh = () => void query.refetch();
  const conflict = (a: ReturnAction, detail?: string) => {
    setFeedback({ type: 'warning', key: 'returns.detail.conflict', action: a, detail });
    refresh();
  };

  async function runWithdraw() {
    if (!r) return;
    setFeedback(null);
    try {
      await withdraw.mutateAsync({ id: r.id, version: r.version, action: 'withdraw', body: {} });
      setFeedback({ type: 'success', key: 'detail.done', action: 'withdraw' });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 409) conflict('withdraw', p.message);
      else if (p.status === 412) {
        setFeedback({ type: 'warning', key: 'returns.detail.stale', action: 'withdraw' });
        refresh();
      } else setFeedback({ type: 'error', key: 'failure', message: p.message });
    }
  }

  const editDraft = r.state === 'draft' && r.available_actions.includes('submit') ? () => navigate(`/returns/${r.id}/edit`) : undefined;
  const print = () => navigate(`/returns/${r.id}/print`);
  const buttons = (block: boolean) => (
    <ReturnActionButtons
      available={r.available_actions}
      onPick={(a) => {
        setFeedback(null);
        setAction(a);
      }}
      onWithdraw={() => void runWithdraw()}
      withdrawing={withdraw.isPending}
      onEdit={editDraft}
      onPrint={print}
      block={block}
    />
  );
  const message = (f: Feedback) => {
    switch (f.key) {
      case 'failure':
        return f.message;
      case 'returns.form.saved':
        return t(f.key, { number: f.number });
      default:
        return t(f.key, {
          action: f.action === 'inspect' ? t('returns.inspection.title') : t(`returns.action.${f.action}`),
          detail: 'detail' in f ? f.detail : undefined,
        });
    }
  };
  const phoneBar = phone && (r.available_actions.length > 0 || editDraft);

  return (
    <article className={phone ? 'kehu-case kehu-case--phone' : 'kehu-case'} aria-labelledby="page-title">
      <ReturnHeader
        application={r}
        actions={
          phone ? (
            <Button icon={<PrinterOutlined />} onClick={print} data-action="print">
              {t('returns.detail.print')}
            </Button>
          ) : (
            buttons(false)
          )
        }
      />
      <div aria-live="polite">
        {feedback && (
          <Alert type={feedback.type} showIcon closable message={message(feedback)} onClose={() => setFeedback(null)} className="kehu-gap" role="status" />
        )}
      </div>
      <SubmitProblems application={r} />
      <Card size="small" className="kehu-gap">
        <ReturnSteps application={r} now={now} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <ReturnSections application={r}>
            {r.state === 'approved' && (
              <>
                <InspectionSection
                  application={r}
                  onInspect={() => {
                    setFeedback(null);
                    setInspecting(true);
                  }}
                />
                <OriginalsSection application={r} onRefresh={refresh} />
                <NoteSection application={r} onRefresh={refresh} />
                <HandlingSection application={r} onRefresh={refresh} />
              </>
            )}
          </ReturnSections>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<h2 className="kehu-section__title">{t('detail.history')}</h2>} className="kehu-history-card">
            <ReturnHistory events={r.history} />
          </Card>
        </Col>
      </Row>
      {phoneBar && (
        <div className="kehu-action-bar" role="toolbar" aria-label={t('detail.actions')}>
          {buttons(true)}
        </div>
      )}
      <ReturnActionDrawer
        application={r}
        action={action}
        onClose={() => setAction(null)}
        onStale={refresh}
        onConflict={(a, detail) => {
          setAction(null);
          conflict(a, detail);
        }}
        onDone={(a) => {
          setAction(null);
          setFeedback({ type: 'success', key: 'detail.done', action: a });
        }}
      />
      <InspectionDrawer
        application={r}
        open={inspecting}
        onClose={() => setInspecting(false)}
        onStale={refresh}
        onConflict={(message) => {
          setInspecting(false);
          setFeedback({ type: 'warning', key: 'returns.service.conflict', action: 'inspect', detail: message });
          refresh();
        }}
        onDone={() => {
          setInspecting(false);
          setFeedback({ type: 'success', key: 'detail.done', action: 'inspect' });
        }}
      />
    </article>
  );
}
