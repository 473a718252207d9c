import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { countdown, formatDateTime } from '../lib/datetime';
import type { Schemas } from '../api/types';
import { stateColor } from '../features/complaints/lib/states';

/** The state label (and how a closed case closed). */
export function StateTag({ state, closure }: { state: Schemas['State']; closure?: Schemas['Closure'] | null }) {
  const { t } = useTranslation();
  const label = t(`state.${state}`, { defaultValue: state });
  return (
    <span className="kehu-tags">
      <Tag color={stateColor(state)} className="kehu-state-tag">
        {label}
      </Tag>
      {closure && <Tag>{t(`closure.${closure}`, { defaultValue: closure })}</Tag>}
    </span>
  );
}

const COLORS = { ok: 'success', warning: 'warning', overdue: 'error' } as const;

interface CountdownProps {
  dueAt: string | null | undefined;
  startedAt: string | null | undefined;
  now: number;
  /** Prefix for screen readers and the tooltip, e.g. "处理期限". */
  label?: string;
}

/** Green, amber under 25% of the time left, red with "逾期 2 天" once past. */
export function CountdownTag({ dueAt, startedAt, now, label }: CountdownProps) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return null;
  const c = countdown({ dueAt, now, stepStartedAt: startedAt ?? dueAt }, t);
  const due = formatDateTime(dueAt, i18n.language);
  const title = label ? `${label}: ${due}` : due;
  return (
    <Tag
      color={COLORS[c.status]}
      icon={c.status === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
      title={title}
      className={`kehu-countdown kehu-countdown--${c.status}`}
      data-status={c.status}
    >
      {c.label}
    </Tag>
  );
}
