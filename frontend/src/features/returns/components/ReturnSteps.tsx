import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { CountdownTag } from '../../../components/CaseTags';
import { formatDateTime } from '../../../lib/format';
import { CHAIN, type ReturnState } from '../lib/states';

type ReturnView = Schemas['ReturnView'];

/** Where a refused or withdrawn application stopped: the step its last event left. */
function stoppedAt(r: ReturnView): ReturnState {
  const last = [...r.history].sort((a, b) => b.seq - a.seq).find((e) => e.to_state === r.state);
  return last?.from_state ?? 'draft';
}

/** 填写申请 → 业务主管 → 营销经理 → 总经理 → 已核准 (the steps are named by who takes them), with the step's deadline. */
export function ReturnSteps({ application: r, now }: { application: ReturnView; now: number }) {
  const { t, i18n } = useTranslation();
  const ended = r.state === 'refused' || r.state === 'withdrawn';
  const at = ended ? stoppedAt(r) : r.state;
  const current = Math.max(0, CHAIN.indexOf(at as (typeof CHAIN)[number]));
  const status = r.state === 'approved' ? 'finish' : ended || r.overdue ? 'error' : 'process';

  return (
    <nav aria-label={t('returns.step.label')} className="kehu-route">
      <Steps
        size="small"
        labelPlacement="vertical"
        current={current}
        status={status}
        responsive
        items={CHAIN.map((step, i) => {
          let description = null;
          if (i === current && ended) {
            description = <span className="kehu-route__returned">{t(r.state === 'refused' ? 'returns.step.refusedHere' : 'returns.step.withdrawnHere')}</span>;
          } else if (i === current && r.state !== 'approved' && r.step_due_at) {
            description = (
              <span className="kehu-route__current">
                <span className="kehu-muted">{t('returns.detail.stepDue', { time: formatDateTime(r.step_due_at, i18n.language) })}</span>
                <CountdownTag dueAt={r.step_due_at} startedAt={r.step_entered_at} now={now} label={t('returns.field.stepDue')} />
              </span>
            );
          }
          return { title: t(`returns.step.${step}`), description };
        })}
      />
    </nav>
  );
}
