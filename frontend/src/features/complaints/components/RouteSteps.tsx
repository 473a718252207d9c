import { Button, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { CountdownTag } from '../../../components/CaseTags';
import { currentStepIndex, returnedSteps, routeSteps } from '../lib/route';

type Complaint = Schemas['ComplaintView'];

/** Who the current step waits for (display only). */
export function stepOwner(c: Complaint, t: (key: string, o?: Record<string, unknown>) => string): string | null {
  switch (c.state) {
    case 'draft':
    case 'sales_proposal':
    case 'customer_negotiation':
    case 'invalid_notice':
      return t('role.sales');
    case 'awaiting_registration':
    case 'coordinator_review':
    case 'consolidation':
    case 'awaiting_close':
      return t('role.coordinator');
    case 'awaiting_countersign':
      return t('role.sales_supervisor');
    case 'qa_investigation':
      return t('role.qa');
    case 'production_countermeasure':
      return c.countermeasure_department?.name ?? t('role.production');
    case 'engineering_review':
      return t('role.engineering');
    case 'pending_approval':
      return c.approval.approver_role ? t(`role.${c.approval.approver_role}`, { defaultValue: c.approval.approver_role }) : null;
    default:
      return null;
  }
}

/** The route as a steps bar: current step with owner and deadline, returned steps marked. */
export function RouteSteps({ complaint: c, events, now }: { complaint: Complaint; events: Schemas['EventView'][]; now: number }) {
  const { t } = useTranslation();
  const steps = routeSteps(c);
  const current = currentStepIndex(steps, c.state);
  const returned = returnedSteps(steps, events);
  const owner = stepOwner(c, t);
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const shown = Math.min(current, steps.length - 1);

  // On a phone the ten steps take a screen: show where the case is, the rest on demand.
  if (phone && !expanded) {
    return (
      <nav aria-label={t('detail.route')} className="kehu-route kehu-route--compact">
        <div className="kehu-route__summary">
          <strong>{t('detail.stepOf', { n: shown + 1, total: steps.length, step: t(`route.${steps[shown]?.key ?? 'close'}`) })}</strong>
          {c.state !== 'closed' && owner && <span>{owner}</span>}
          {c.state !== 'closed' && (
            <CountdownTag dueAt={c.step_due_at} startedAt={c.step_entered_at} now={now} label={t('complaint.deadline')} />
          )}
        </div>
        <Button type="link" size="small" onClick={() => setExpanded(true)} aria-expanded={false}>
          {t('detail.showRoute')}
        </Button>
      </nav>
    );
  }

  return (
    <nav aria-label={t('detail.route')} className="kehu-route">
      {phone && (
        <Button type="link" size="small" onClick={() => setExpanded(false)} aria-expanded>
          {t('detail.hideRoute')}
        </Button>
      )}
      <Steps
        size="small"
        labelPlacement="vertical"
        current={shown}
        status={c.state === 'closed' ? 'finish' : c.step_overdue ? 'error' : 'process'}
        responsive
        items={steps.map((s, i) => ({
          title: t(`route.${s.key}`),
          description:
            i === current && c.state !== 'closed' ? (
              <span className="kehu-route__current">
                {owner && <span>{owner}</span>}
                <CountdownTag dueAt={c.step_due_at} startedAt={c.step_entered_at} now={now} label={t('complaint.deadline')} />
              </span>
            ) : returned.has(s.key) ? (
              <span className="kehu-route__returned">{t('detail.returned')}</span>
            ) : undefined,
        }))}
      />
    </nav>
  );
}
