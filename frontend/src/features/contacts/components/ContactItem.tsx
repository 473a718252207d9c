import { EditOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { isRecorded, STATUS_COLOR, type Contact, type ContactStatus } from '../lib/contacts';
import { CaseSurvey } from './CaseSurvey';

/** Where a contact stands, in words (the colour only repeats them). */
export function ContactStatusTag({ status }: { status: ContactStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className={`kehu-case-contact__tag kehu-case-contact__tag--${status}`} data-status={status}>
      {t(`contacts.status.${status}`)}
    </Tag>
  );
}

interface Props {
  complaintId: number;
  contact: Contact;
  onRecord: (contact: Contact) => void;
}

/**
 * One contact: its kind, where it stands and by when; once recorded, when
 * and how the customer was reached, what was said, the promised date (first
 * reply) or whether the customer confirmed (close confirmation), and who
 * recorded it. The close confirmation carries its survey.
 */
export function ContactItem({ complaintId, contact: c, onRecord }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const facts: { key: string; label: string; value: ReactNode }[] = [];
  if (isRecorded(c)) {
    if (c.contacted_at) facts.push({ key: 'contacted', label: t('contacts.contactedAt'), value: formatDateTime(c.contacted_at, locale) });
    if (c.method) facts.push({ key: 'method', label: t('contacts.methodLabel'), value: t(`contacts.method.${c.method}`, { defaultValue: c.method }) });
    if (c.kind === 'first_reply' && c.promised_on) facts.push({ key: 'promised', label: t('contacts.promisedOn'), value: formatDate(c.promised_on, locale) });
    if (c.kind === 'close_confirmation' && c.confirmed != null) {
      facts.push({ key: 'confirmed', label: t('contacts.confirmed'), value: c.confirmed ? t('common.yes') : t('common.no') });
    }
    if (c.summary) facts.push({ key: 'summary', label: t('contacts.summary'), value: <span className="kehu-case-contact__text">{c.summary}</span> });
  }

  return (
    <li className="kehu-case-contact" data-testid={`contact-${c.kind}`}>
      <div className="kehu-case-contact__line">
        <strong className="kehu-case-contact__kind">{t(`contacts.kind.${c.kind}`)}</strong>
        <ContactStatusTag status={c.status} />
        <span className="kehu-muted">
          {t('contacts.due')} {formatDateTime(c.due_at, locale)}
        </span>
      </div>
      {facts.length > 0 && (
        <dl className="kehu-case-contact__facts">
          {facts.map((f) => (
            <div key={f.key} className="kehu-case-contact__fact">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {c.recorded_by && c.recorded_at && (
        <div className="kehu-muted kehu-case-contact__by">{t('contacts.recordedByAt', { name: c.recorded_by.name, time: formatDateTime(c.recorded_at, locale) })}</div>
      )}
      {c.reminded_at && !isRecorded(c) && <div className="kehu-muted kehu-case-contact__by">{t('contacts.reminded', { time: formatDateTime(c.reminded_at, locale) })}</div>}
      {c.can_record && (
        <div className="kehu-case-contact__actions">
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => onRecord(c)}>
            {t(`contacts.record.${c.kind}`)}
          </Button>
        </div>
      )}
      {c.kind === 'close_confirmation' && <CaseSurvey complaintId={complaintId} contact={c} />}
    </li>
  );
}
