import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { changeField, changeValue, type Names } from '../lib/history';

const COLORS: Record<string, string> = { registration: 'blue', review: 'green', claim: 'gold', transfer: 'gold', handover: 'gold' };

/** 变更记录: who, when, which field, old → new; newest first. */
export function ChangeTimeline({ changes, names }: { changes: Schemas['ChangeView'][]; names: Names }) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return <Empty description={t('customers.history.empty')} />;
  const value = (field: string, v?: string | null) => changeValue(field, v, t, i18n.language, names);
  return (
    <Timeline
      className="kehu-history"
      items={[...changes].reverse().map((c) => ({
        color: COLORS[c.source] ?? 'gray',
        children: (
          <div className="kehu-event" data-field={c.field}>
            <div className="kehu-event__what">
              <strong>{changeField(c.field, t)}</strong>
              <span className="kehu-muted"> · {t(`customers.source.${c.source}`, { defaultValue: c.source })}</span>
            </div>
            <div className="kehu-change">
              <span className="kehu-change__old">{value(c.field, c.old_value)}</span>
              <span aria-label={t('customers.history.to')}> → </span>
              <span className="kehu-change__new">{value(c.field, c.new_value)}</span>
            </div>
            <div className="kehu-event__who">
              {c.changed_by?.name ?? t('detail.system')}
              <span className="kehu-muted"> · </span>
              <time className="kehu-muted" dateTime={c.changed_at}>
                {formatDateTime(c.changed_at, i18n.language)}
              </time>
            </div>
          </div>
        ),
      }))}
    />
  );
}
