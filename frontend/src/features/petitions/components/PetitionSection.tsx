import { Alert, Card, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Schemas } from '../../../api/types';
import { useCasePetitions } from '../api/queries';
import { PETITION_SECTION, type Petition, type PetitionAction } from '../lib/petition';
import { DecidePetitionDrawer } from './DecidePetitionDrawer';
import { PetitionPanel } from './PetitionPanel';
import { RaisePetitionDrawer } from './RaisePetitionDrawer';
import '../petitions.css';

interface Feedback {
  type: 'success' | 'warning';
  text: string;
}

/**
 * 签呈 on the case: its petitions and the general manager's decisions. Only
 * a registered case can have any; hidden when there is none and the reader
 * may not raise one. A failed read hides it too: the case is the page's business.
 */
export function PetitionSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const petitions = useCasePetitions(c.id, !!c.number);
  const [raising, setRaising] = useState(false);
  // By id: after a 412 the drawer acts on the petition as read again.
  const [choice, setChoice] = useState<{ id: number; action: PetitionAction } | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const scrolled = useRef(false);

  const v = petitions.data;
  const closed = c.state === 'closed';
  const visible = !!v && (v.items.length > 0 || (!closed && v.can_raise));
  const chosen = choice ? v?.items.find((p) => p.id === choice.id) : undefined;

  // The page scrolls to a #section-… on arrival, before this section's read settles: do it here then.
  useEffect(() => {
    if (!visible || scrolled.current || hash !== `#${PETITION_SECTION}`) return;
    scrolled.current = true;
    const el = document.getElementById(PETITION_SECTION);
    if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [visible, hash]);

  if (!visible || !v) return null;

  const conflict = (message: string) => {
    setRaising(false);
    setChoice(null);
    setFeedback({ type: 'warning', text: t('petition.conflict', { detail: message }) });
    void petitions.refetch();
  };
  const done = (saved: Petition) => {
    setChoice(null);
    const text =
      saved.state === 'withdrawn'
        ? t('petition.withdrawn')
        : saved.returned_to
          ? t('petition.decidedReturned', { state: t(`state.${saved.returned_to}`, { defaultValue: saved.returned_to }) })
          : t('petition.decided');
    setFeedback({ type: 'success', text });
  };

  return (
    <Card
      id={PETITION_SECTION}
      size="small"
      className="kehu-section kehu-petitions"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('petition.title')}
        </Typography.Title>
      }
    >
      <div aria-live="polite">
        {feedback && <Alert type={feedback.type} showIcon closable role="status" className="kehu-gap" message={feedback.text} onClose={() => setFeedback(null)} />}
      </div>
      <PetitionPanel view={v} closed={closed} onRaise={() => setRaising(true)} onAct={(p, action) => setChoice({ id: p.id, action })} />
      <RaisePetitionDrawer
        complaint={c}
        returnTargets={v.return_targets}
        open={raising}
        onClose={() => setRaising(false)}
        onDone={() => {
          setRaising(false);
          setFeedback({ type: 'success', text: t('petition.raised') });
        }}
        onConflict={conflict}
        onStale={() => void petitions.refetch()}
      />
      <DecidePetitionDrawer
        choice={choice && chosen ? { petition: chosen, action: choice.action } : null}
        returnTargets={v.return_targets}
        onClose={() => setChoice(null)}
        onDone={done}
        onConflict={conflict}
        onStale={() => void petitions.refetch()}
      />
    </Card>
  );
}
