import { Alert, Card, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useCaseDeferrals, useCaseMarks, useEffectivenessCheck } from '../api/queries';
import { TRACKING_SECTION } from '../lib/anchor';
import type { DeferralAction } from '../lib/deferral';
import { CheckPanel } from './CheckPanel';
import { DecideDeferralDrawer } from './DecideDeferralDrawer';
import { DeferralPanel } from './DeferralPanel';
import { MarksDrawer } from './MarksDrawer';
import { MarksPanel } from './MarksPanel';
import { RecordCheckDrawer } from './RecordCheckDrawer';
import { RequestDeferralDrawer } from './RequestDeferralDrawer';
import '../improvement.css';

interface Feedback {
  type: 'success' | 'warning';
  text: string;
}

/**
 * 改善追踪 on the case: its marks (人为疏忽, 非理性抱怨), its requests to
 * defer the closure (暂缓关闭) and, once it is closed, the effectiveness
 * check of its corrective actions. Hidden when there is nothing to show and
 * nothing the reader may do. A failed read hides it too: the case is the
 * page's business.
 */
export function TrackingSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  // Only a registered case can be marked or deferred; only a closed one has a check.
  const marks = useCaseMarks(c.id, !!c.number);
  const deferrals = useCaseDeferrals(c.id, !!c.number);
  const check = useEffectivenessCheck(c.id, c.state === 'closed');
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [requesting, setRequesting] = useState(false);
  // By id: after a 412 the drawer decides on the request as read again.
  const [decision, setDecision] = useState<{ id: number; action: DeferralAction } | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const scrolled = useRef(false);

  const m = marks.data;
  const k = check.data ?? null;
  const d = deferrals.data;
  const showMarks = !!m && (!!m.human_negligence || !!m.irrational || m.can_mark_negligence || m.can_mark_irrational);
  const showDeferrals = !!d && (d.items.length > 0 || (c.state !== 'closed' && d.can_request));
  const visible = showMarks || showDeferrals || !!k;
  const deciding = decision ? d?.items.find((x) => x.id === decision.id) : undefined;

  // The page scrolls to a #section-… on arrival, before this section's reads settle: do it here then.
  useEffect(() => {
    if (!visible || scrolled.current || hash !== `#${TRACKING_SECTION}`) return;
    scrolled.current = true;
    const el = document.getElementById(TRACKING_SECTION);
    if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [visible, hash]);

  if (!visible) return null;

  const conflict = (refetch: () => unknown) => (message: string) => {
    setEditing(false);
    setRecording(false);
    setRequesting(false);
    setDecision(null);
    setFeedback({ type: 'warning', text: t('improvement.conflict', { detail: message }) });
    void refetch();
  };

  return (
    <Card
      id={TRACKING_SECTION}
      size="small"
      className="kehu-section kehu-tracking"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('improvement.title')}
        </Typography.Title>
      }
    >
      <div aria-live="polite">
        {feedback && <Alert type={feedback.type} showIcon closable role="status" className="kehu-gap" message={feedback.text} onClose={() => setFeedback(null)} />}
      </div>
      {showMarks && m && <MarksPanel marks={m} onEdit={() => setEditing(true)} />}
      {showDeferrals && d && <DeferralPanel view={d} onRequest={() => setRequesting(true)} onDecide={(deferral, action) => setDecision({ id: deferral.id, action })} />}
      {k && <CheckPanel check={k} onRecord={() => setRecording(true)} />}
      {m && (
        <MarksDrawer
          view={m}
          open={editing}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setFeedback({ type: 'success', text: t('improvement.marks.saved') });
          }}
          onConflict={conflict(marks.refetch)}
          onStale={() => void marks.refetch()}
        />
      )}
      {k && (
        <RecordCheckDrawer
          check={k}
          open={recording}
          onClose={() => setRecording(false)}
          onDone={(saved) => {
            setRecording(false);
            setFeedback({ type: 'success', text: t(saved.state === 'passed' ? 'improvement.check.recordedPassed' : 'improvement.check.recordedFailed') });
          }}
          onConflict={conflict(check.refetch)}
          onStale={() => void check.refetch()}
        />
      )}
      {d && (
        <RequestDeferralDrawer
          complaint={c}
          open={requesting}
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            setFeedback({ type: 'success', text: t('improvement.deferral.requested') });
          }}
          onConflict={conflict(deferrals.refetch)}
          onStale={() => void deferrals.refetch()}
        />
      )}
      <DecideDeferralDrawer
        decision={decision && deciding ? { deferral: deciding, action: decision.action } : null}
        onClose={() => setDecision(null)}
        onDone={(saved) => {
          setDecision(null);
          const approved = saved.state === 'approved';
          setFeedback({ type: 'success', text: approved ? t('improvement.deferral.approved', { date: formatDate(saved.until_on, i18n.language) }) : t('improvement.deferral.refused') });
        }}
        onConflict={conflict(deferrals.refetch)}
        onStale={() => void deferrals.refetch()}
      />
    </Card>
  );
}
