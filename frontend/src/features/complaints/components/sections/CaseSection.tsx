import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  title: string;
  /** The case has reached this step: otherwise a grey, collapsed card. */
  reached: boolean;
  /** Highlight: the step the case waits on now. */
  current?: boolean;
  extra?: ReactNode;
  /** Who the current step waits for, shown while the card is still empty. */
  waitingFor?: string | null;
  children?: ReactNode;
}

/** One department's card on the case, in route order. */
export function CaseSection({ id, title, reached, current = false, extra, waitingFor, children }: Props) {
  const { t } = useTranslation();
  const className = ['kehu-section', reached || current ? '' : 'kehu-section--pending', current ? 'kehu-section--current' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Card
      id={id}
      size="small"
      className={className}
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {title}
        </Typography.Title>
      }
      extra={extra}
      aria-current={current ? 'step' : undefined}
    >
      {reached ? (
        children
      ) : current ? (
        <Typography.Text>{waitingFor ? t('detail.waitingFor', { owner: waitingFor }) : t('detail.inProgress')}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('detail.notReached')}</Typography.Text>
      )}
    </Card>
  );
}

export interface Row {
  label: string;
  value: ReactNode;
  span?: number;
}

/** Label/value pairs; empty values show a dash. */
export function Fields({ rows, columns = 2 }: { rows: Row[]; columns?: number }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: columns, lg: columns, xl: columns, xxl: columns }}
      items={rows.map((r, i) => ({
        key: String(i),
        label: r.label,
        span: r.span,
        children: r.value === null || r.value === undefined || r.value === '' ? '—' : r.value,
      }))}
    />
  );
}

/** Multi-line text as the user wrote it. */
export function Prose({ children }: { children: string | null | undefined }) {
  return children ? <div className="kehu-prose">{children}</div> : <>—</>;
}
