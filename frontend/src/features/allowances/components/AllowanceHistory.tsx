import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import type { AllowanceEvent } from '../lib/states';

const BACKWARD: readonly AllowanceEvent[] = ['refuse', 'withdraw'];

/** The certificate's history, newest first: who, what, when, and what they wrote (a reason, a voucher). */
export function AllowanceHistory({ events }: { events: Schemas['AllowanceEventView'][] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      className="kehu-history"
      items={[...events]
        .sort((a, b) => b.seq - a.seq)
        .map((e) => ({
          color: BACKWARD.includes(e.action) ? 'red' : e.to_state === 'booked' ? 'green' : 'blue',
          children: (
            <div data-testid="allowance-event">
              <div>
                <strong>{t(`allowances.event.${e.action}`, { defaultValue: e.action })}</strong>
                {e.from_state !== e.to_state && <span className="kehu-muted"> → {t(`allowances.state.${e.to_state}`)}</span>}
              </div>
              <div>{e.actor?.name ?? t('detail.system')}</div>
              <time className="kehu-muted" dateTime={e.at}>
                {formatDateTime(e.at, i18n.language)}
              </time>
              {e.note && (
                <Typography.Paragraph className="kehu-allowance-event__text kehu-prose" ellipsis={{ rows: 3, expandable: true }}>
                  {e.action === 'book' ? t('allowances.detail.voucherNote', { voucher: e.note }) : e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
    />
  );
}
