import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { Translate } from '../../../api/problem';
import { isCode } from '../../../lib/codes';
import { formatDateTime } from '../../../lib/format';
import { PROOF_KINDS } from '../lib/note';

const BACKWARD: readonly Schemas['ReturnEvent'][] = ['refuse', 'withdraw'];

/** The server notes a proof of return as its kind's code and the number ("return_certificate No. 1"): the kind in words. */
function proofNote(note: string, t: Translate): string {
  const [code = '', ...rest] = note.split(' ');
  if (!isCode(code, PROOF_KINDS)) return note;
  return [t(`returns.proof.kind.${code}`), ...rest].join(' ');
}

/** The application's history, newest first: who, what, when, and what they wrote. */
export function ReturnHistory({ events }: { events: Schemas['ReturnEventView'][] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      className="kehu-history"
      items={[...events]
        .sort((a, b) => b.seq - a.seq)
        .map((e) => ({
          color: BACKWARD.includes(e.action) ? 'red' : e.to_state === 'approved' ? 'green' : 'blue',
          children: (
            <div className="kehu-event" data-testid="return-event">
              <div className="kehu-event__what">
                <strong>{t(`returns.event.${e.action}`, { defaultValue: e.action })}</strong>
                {e.from_state !== e.to_state && <span className="kehu-muted"> → {t(`returns.state.${e.to_state}`)}</span>}
              </div>
              <div className="kehu-event__who">{e.actor?.name ?? t('detail.system')}</div>
              <time className="kehu-muted" dateTime={e.at}>
                {formatDateTime(e.at, i18n.language)}
              </time>
              {e.note && (
                <Typography.Paragraph className="kehu-event__text" ellipsis={{ rows: 3, expandable: true }}>
                  {e.action === 'record_proof' ? proofNote(e.note, t) : e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
    />
  );
}
