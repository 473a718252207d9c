import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { countdown, formatDateTime } from '../lib/datetime';
import { useNow } from './useNow';

interface Props {
  /** The step's deadline (ISO); nothing shows without one. */
  dueAt: string | null | undefined;
  /** The server's word that the step is late (its reminder went out). */
  overdue: boolean;
  /** The step was given its one extension: its deadline is already the longer one. */
  extended?: boolean;
  testId?: string;
}

/**
 * A document's step deadline where the step's start is not sent (the return
 * note, the goods' handling, the allowance certificate): "本步期限 …" and the
 * time left, red with "逾期 2 天" once late — the application's own step shows
 * the same words (ReturnSteps, with its CountdownTag). An extended step says
 * so ("已延期"), as the application's header does: it cannot be extended again.
 */
export function StepDeadline({ dueAt, overdue, extended = false, testId = 'step-deadline' }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!dueAt) return null;
  const c = countdown({ dueAt, now, stepStartedAt: dueAt }, t);
  const late = overdue || c.status === 'overdue';
  // The server may flag a step a moment before this clock does: say so plainly then.
  const label = c.status === 'overdue' ? c.label : late ? t('detail.stepOverdue') : c.label;
  const due = formatDateTime(dueAt, i18n.language);
  return (
    <span className="kehu-step-deadline" data-testid={testId} data-overdue={late}>
      <span className="kehu-muted kehu-step-deadline__time">{t('detail.stepDue', { time: due })}</span>
      <Tag
        color={late ? 'error' : 'default'}
        icon={late ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
        title={t('detail.stepDue', { time: due })}
        className={late ? 'kehu-countdown kehu-countdown--overdue' : 'kehu-countdown'}
      >
        {label}
      </Tag>
      {extended && (
        <Tag color="warning" data-testid={`${testId}-extended`}>
          {t('detail.stepExtended')}
        </Tag>
      )}
    </span>
  );
}
