import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { isAction } from '../lib/actions';
import { asObject, bool, str, type Json } from './sections/json';

// `evidence`: what an effectiveness check found; `decision` / `subject`: a petition's (签呈).
const TEXT_KEYS = ['reason', 'opinion', 'remarks', 'comment', 'note', 'cause', 'evidence', 'decision', 'subject'] as const;
/** Steps back or out of the route: drawn red. */
const BACKWARD: readonly Schemas['EventAction'][] = ['send_back', 'return_to_sales', 'reject', 'withdraw', 'declare_invalid', 'send_back_8d'];

/** A late-close inquiry's answer: which 洽办单, and the reason given. */
function letterEntry(t: Translate, body: Json | null): string | null {
  const letter = str(body, 'letter');
  const answer = str(body, 'answer');
  if (!letter) return answer;
  return t('detail.letterEntry', { letter, answer: answer ?? '' });
}

/**
 * A contact with the customer (首次回复 / 回访确认关闭): how the customer was
 * reached and what was said, with the promised date or whether the customer
 * confirmed the close.
 */
function contactEntry(t: Translate, locale: string, body: Json | null): string | null {
  const summary = str(body, 'summary');
  if (!summary) return null;
  const code = str(body, 'method');
  const method = code ? t(`contacts.method.${code}`, { defaultValue: code }) : '—';
  const promised = str(body, 'promised_on');
  const confirmed = bool(body, 'confirmed');
  if (promised) return t('detail.firstReplyEntry', { method, summary, date: formatDate(promised, locale) });
  if (confirmed !== null) return t('detail.confirmCloseEntry', { method, summary, answer: t(confirmed ? 'common.yes' : 'common.no') });
  return t('detail.contactEntry', { method, summary });
}

/** The case's history: who (role), what, when, and what they wrote. */
export function HistoryTimeline({ events }: { events: Schemas['EventView'][] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      className="kehu-history"
      items={[...events].reverse().map((e) => {
        const body = asObject(e.body);
        const written = TEXT_KEYS.map((k) => str(body, k)).find(Boolean);
        // A supplier request's entries name the supplier, then why it went back or was cancelled.
        const supplier = e.action.endsWith('_supplier_request') ? str(body, 'supplier') : null;
        const text =
          e.action === 'answer_late_inquiry'
            ? letterEntry(t, body)
            : e.action === 'record_first_reply' || e.action === 'confirm_close'
              ? contactEntry(t, i18n.language, body)
              : supplier && written
                ? t('detail.supplierEntry', { supplier, text: written })
                : (supplier ?? written);
        const what = isAction(e.action) ? t(`action.${e.action}`) : t(`eventAction.${e.action}`, { defaultValue: e.action });
        // The GM's petition decision is a step back when it sent the case back.
        const backward = BACKWARD.includes(e.action) || (e.action === 'decide_petition' && e.from_state !== e.to_state);
        return {
          color: backward ? 'red' : e.to_state === 'closed' ? 'green' : 'blue',
          children: (
            <div className="kehu-event">
              <div className="kehu-event__what">
                <strong>{what}</strong>
                {e.from_state !== e.to_state && <span className="kehu-muted"> → {t(`state.${e.to_state}`, { defaultValue: e.to_state })}</span>}
              </div>
              <div className="kehu-event__who">
                {e.actor_name ?? t('detail.system')}
                {e.actor_role && <span className="kehu-muted"> · {t(`role.${e.actor_role}`, { defaultValue: e.actor_role })}</span>}
              </div>
              <time className="kehu-muted" dateTime={e.at}>
                {formatDateTime(e.at, i18n.language)}
              </time>
              {text && (
                <Typography.Paragraph className="kehu-event__text" ellipsis={{ rows: 3, expandable: true }}>
                  {text}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
