import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { StepDeadline } from '../../../components/StepDeadline';
import { orderHandlingActions, type HandlingAction } from '../lib/handling';
import { HandlingActionDrawer } from './HandlingActionDrawer';
import { HandlingBody } from './HandlingBody';
import { Section } from './ReturnSections';

type ReturnView = Schemas['ReturnView'];

/** Kept as keys so the message follows a language switch (a server failure stays as it came). */
type Outcome =
  | { type: 'success'; key: 'detail.done'; action: HandlingAction }
  | { type: 'success'; key: 'returns.handling.finished' }
  | { type: 'warning'; key: 'returns.service.conflict'; action: HandlingAction; detail: string };

interface Props {
  application: ReturnView;
  /** 412 or 409: the page refetches the application. */
  onRefresh: () => void;
}

/**
 * 客户退换货处理单 of received goods: where the handling stands, each
 * department's part so far, the items' counts, and the caller's steps from
 * `handling.available_actions`, each in a drawer. Nothing before the
 * warehouse has received the goods.
 */
export function HandlingSection({ application: r, onRefresh }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [action, setAction] = useState<HandlingAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const h = r.handling ?? null;

  // Another application: nothing said here belongs to it.
  useEffect(() => setOutcome(null), [r.id]);

  if (!h) return null;

  function done(a: HandlingAction, saved: ReturnView) {
    setAction(null);
    if (saved.handling?.state === 'done') setOutcome({ type: 'success', key: 'returns.handling.finished' });
    else setOutcome({ type: 'success', key: 'detail.done', action: a });
  }

  const message = (o: Outcome) => {
    switch (o.key) {
      case 'detail.done':
        return t(o.key, { action: t(`returns.handlingAction.${o.action}`) });
      case 'returns.service.conflict':
        return t(o.key, { action: t(`returns.handlingAction.${o.action}`), detail: o.detail });
      default:
        return t(o.key);
    }
  };

  const size = phone ? 'large' : 'middle';
  const buttons = orderHandlingActions(h.available_actions).map((a) => (
    <Button
      key={a}
      size={size}
      type={a === 'reject_plan' || a === 'extend' ? 'default' : 'primary'}
      danger={a === 'reject_plan'}
      onClick={() => {
        setOutcome(null);
        setAction(a);
      }}
      data-testid={`handling-action-${a}`}
      data-action={`handling-${a}`}
    >
      {t(`returns.handlingAction.${a}`)}
    </Button>
  ));

  return (
    <Section
      id="section-handling"
      title={t('returns.handling.title')}
      testId="handling-section"
      extra={<StepDeadline dueAt={h.step_due_at} overdue={h.overdue} extended={h.step_extended} testId="handling-deadline" />}
    >
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome.type} showIcon closable message={message(outcome)} onClose={() => setOutcome(null)} className="kehu-gap" role="status" />
        )}
      </div>
      <HandlingBody application={r} handling={h} />
      {buttons.length > 0 && (
        <Space wrap className={phone ? 'kehu-actions kehu-actions--block kehu-note-actions' : 'kehu-actions kehu-note-actions'}>
          {buttons}
        </Space>
      )}
      <HandlingActionDrawer
        application={r}
        handling={h}
        action={action}
        onClose={() => setAction(null)}
        onStale={onRefresh}
        onConflict={(a, detail) => {
          setAction(null);
          setOutcome({ type: 'warning', key: 'returns.service.conflict', action: a, detail });
          onRefresh();
        }}
        onDone={done}
      />
    </Section>
  );
}
