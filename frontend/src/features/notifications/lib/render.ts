/**
 * Notifications arrive as data: a kind and the values its text names. The
 * words are the catalogs' (`notices.<kind>.title` / `.body`), so a reader
 * sees them in the screen's language, even after switching it. The server
 * words them the same way (crates/api/src/i18n.rs) for clients without
 * catalogs; its `title` / `body` are shown only for notifications stored
 * before they were data (no params) and for a kind this build has no words for.
 */
import type { Translate } from '../../../api/problem';
import type { Schemas } from '../../../api/types';

type Notification = Schemas['NotificationView'];

export interface NoticeText {
  title: string;
  body: string;
}

/**
 * Options for filling a template. The values go in `replace`, so a param
 * named like an i18next option (`count`, `lng`, `context`…) stays a value.
 * A value is written once and never read again: no `{{…}}` inside it is
 * filled (skipOnVariables) and no `$t(…)` in it is looked up (nest: false),
 * whatever the instance's defaults. A name the notice lacks comes out empty,
 * as on the server.
 */
const FILL = {
  nest: false,
  interpolation: { skipOnVariables: true, escapeValue: false },
  missingInterpolationHandler: () => '',
} as const;

/**
 * A param's value in words. `notices.codes` names the params that hold codes
 * and the catalog group that words them (`state` -> `state`, so
 * `qa_investigation` reads `t('state.qa_investigation')`); a code without
 * words stays as it is. Any other param is text someone wrote: as it is.
 */
function word(t: Translate, name: string, value: string): string {
  const prefix = t(`notices.codes.${name}`, { defaultValue: '' });
  if (!prefix) return value;
  return t(`${prefix}.${value}`, { defaultValue: '' }) || value;
}

/** The notification's title and body in the current language. */
export function noticeText(t: Translate, n: Notification): NoticeText {
  const params = n.params ?? {};
  const names = Object.keys(params);
  // Stored before notifications were data: only the server's words exist.
  if (names.length === 0) return { title: n.title, body: n.body };
  const words = Object.fromEntries(names.map((name) => [name, word(t, name, params[name] ?? '')]));
  const fill = (part: keyof NoticeText) => {
    const key = `notices.${n.kind}.${part}`;
    // A kind this build has no words for (a newer server): the server's words.
    if (!t(key, { defaultValue: '', skipInterpolation: true })) return n[part];
    return t(key, { ...FILL, replace: words });
  };
  return { title: fill('title'), body: fill('body') };
}

const ID = /^\d+$/;

/** Notices about a case's 8D report: they open the report rather than the case. */
const EIGHT_D_KINDS: readonly Notification['kind'][] = ['eight_d_review', 'eight_d_decided'];
/**
 * Notices about a case's improvement tracking: they open the case at that
 * section (a deferral request where it is decided; a decision opens the
 * case itself, whose deadlines it may have moved).
 */
const TRACKING_KINDS: readonly Notification['kind'][] = ['effectiveness_due', 'effectiveness_failed', 'deferral_request'];
/** Notices about a case's petitions (签呈): raised (for the GM to decide) or decided; they open the case there. */
const PETITION_KINDS: readonly Notification['kind'][] = ['petition_raised', 'petition_decided'];
/** Notices about a case's supplier corrective-action requests: to send and chase, or an answer to review. */
const SUPPLIER_KINDS: readonly Notification['kind'][] = ['supplier_request', 'supplier_answered'];
/**
 * Notices about the case's contacts with the customer (首次回复, 回访确认关闭):
 * due, late, or not confirmed; they open the case at its customer contacts.
 */
const CONTACT_KINDS: readonly Notification['kind'][] = ['close_confirmation_due', 'first_reply_late', 'close_confirmation_late', 'close_not_confirmed'];
/**
 * Notices that carry their 催办单 / 洽办单 (`letter_id`): they open the letter,
 * where an inquiry is answered. Ones sent before letters were kept have none
 * and open the case.
 */
const LETTER_KINDS: readonly Notification['kind'][] = ['reminder', 'late_inquiry', 'late_inquiry_answered', 'case_reminder', 'containment_reminder'];

/**
 * Where the notification leads: its letter, else its case (or the case's 8D
 * report, its improvement tracking, its petitions, its supplier requests or
 * its customer contacts; a failed effectiveness check the new case it
 * raised), else its return application, else its allowance certificate, else
 * its penalty run, else the statistics of its period, else its customer, else
 * nowhere.
 */
export function noticeLink(n: Notification): string | null {
  const letter = LETTER_KINDS.includes(n.kind) ? n.params?.letter_id : undefined;
  if (letter && ID.test(letter)) return `/letters/${letter}`;
  const followUp = n.kind === 'effectiveness_failed' ? n.params?.follow_up_id : undefined;
  if (followUp && ID.test(followUp)) return `/complaints/${followUp}`;
  if (n.complaint_id != null) {
    if (EIGHT_D_KINDS.includes(n.kind)) return `/complaints/${n.complaint_id}/8d`;
    // The section's anchor (improvement/lib/anchor.ts; that feature imports this one).
    if (TRACKING_KINDS.includes(n.kind)) return `/complaints/${n.complaint_id}#section-tracking`;
    // The petitions section's anchor (petitions/lib/petition.ts).
    if (PETITION_KINDS.includes(n.kind)) return `/complaints/${n.complaint_id}#section-petitions`;
    // The supplier section's anchor (suppliers/lib/supplier.ts).
    if (SUPPLIER_KINDS.includes(n.kind)) return `/complaints/${n.complaint_id}#section-suppliers`;
    // The customer contacts' anchor (contacts/lib/contacts.ts).
    if (CONTACT_KINDS.includes(n.kind)) return `/complaints/${n.complaint_id}#section-contacts`;
    return `/complaints/${n.complaint_id}`;
  }
  const application = n.params?.return_id;
  if (application && ID.test(application)) return `/returns/${application}`;
  const allowance = n.params?.allowance_id;
  if (allowance && ID.test(allowance)) return `/allowances/${allowance}`;
  // A period's statistics open on that period (reports/components).
  const week = n.kind === 'weekly_report' ? n.params?.week : undefined;
  if (week && /^\d{4}-\d{2}-\d{2}$/.test(week)) return `/reports/weekly?week=${week}`;
  const month = n.kind === 'monthly_report' ? n.params?.month : undefined;
  if (month && /^\d{4}-\d{2}$/.test(month)) return `/reports?month=${month}`;
  const run = n.params?.run_id;
  if (run && ID.test(run)) return `/penalties/${run}`;
  const customer = n.params?.customer_id;
  if (customer && ID.test(customer)) return `/customers/${customer}`;
  return null;
}
