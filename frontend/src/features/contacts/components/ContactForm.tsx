import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDateTime } from '../../../lib/format';
import { useRecordContact } from '../api/mutations';
import { CONTACT_FIELDS, CONTACT_METHODS, contactBody, MAX_SUMMARY, type Contact, type ContactValues } from '../lib/contacts';

interface Props {
  complaintId: number;
  /** The contact to record, as last read (after a 412 the section hands the one read again). */
  contact: Contact | null;
  onClose: () => void;
  onDone: (saved: Contact) => void;
  /** 409: someone recorded it first; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  /** 412: it changed; the section reads it again, the drawer stays open. */
  onStale: ActionOutcome['onStale'];
}

/**
 * 记录首次回复 / 记录回访确认: when and how the customer was reached and what
 * was said; a first reply with the date a full answer is promised for, a
 * close confirmation with whether the customer confirmed the close. Sent
 * with the contact's version as If-Match.
 */
export function ContactForm({ complaintId, contact, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useRecordContact(complaintId);
  const [form] = Form.useForm<ContactValues>();
  const confirmed = Form.useWatch('confirmed', form);
  const confirmedLabel = useId();
  if (!contact) return null;
  const { kind } = contact;
  const locale = i18n.language;
  const required = { required: true, message: t('validation.required') };
  const opened = dayjs(contact.opened_at);

  async function submit(values: ContactValues) {
    onDone(await mutation.mutateAsync({ contact: contact!, body: contactBody(kind, values) }));
  }

  // Not in the future, not before the clock started (the server's rules).
  const contactedRule = {
    validator: async (_: unknown, value: Dayjs | null | undefined) => {
      if (!value) return;
      if (value.isAfter(dayjs())) throw new Error(t('contacts.notFuture'));
      if (value.isBefore(opened.startOf('minute'))) throw new Error(t('contacts.notBefore', { time: formatDateTime(contact.opened_at, locale) }));
    },
  };

  return (
    <FormDrawer<ContactValues>
      key={kind}
      open
      form={form}
      title={t(`contacts.record.${kind}`)}
      submitLabel={t('contacts.submit')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: CONTACT_FIELDS[kind], outcome: { onConflict, onStale }, messages: { 412: t('contacts.stale') } }}
      name={`contact-${kind}`}
      submitTestId={`contact-submit-${kind}`}
      width={520}
      initialValues={{ contacted_at: dayjs(), summary: '' }}
      facts={[
        { key: 'kind', label: t('contacts.title'), children: t(`contacts.kind.${kind}`) },
        { key: 'due', label: t('contacts.due'), children: formatDateTime(contact.due_at, locale) },
      ]}
      before={<p className="kehu-muted">{t(`contacts.hint.${kind}`)}</p>}
      after={kind === 'close_confirmation' && confirmed === false ? <Alert type="warning" showIcon className="kehu-gap-top" message={t('contacts.notConfirmedHint')} /> : undefined}
    >
      <Form.Item name="contacted_at" label={t('contacts.contactedAt')} rules={[required, contactedRule]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          className="kehu-full"
          disabledDate={(d) => d.isAfter(dayjs().endOf('day')) || d.isBefore(opened.startOf('day'))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('contacts.methodLabel')} rules={[required]}>
        <Select options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contacts.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('contacts.summary')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={MAX_SUMMARY} showCount />
      </Form.Item>
      {kind === 'first_reply' ? (
        <Form.Item name="promised_on" label={t('contacts.promisedOn')} rules={[required]}>
          <DatePicker className="kehu-full" />
        </Form.Item>
      ) : (
        // A real radio group, named by the label; the field sits inside (its messages show on this item).
        <Form.Item label={<span id={confirmedLabel}>{t('contacts.confirmedField')}</span>} required>
          <div role="radiogroup" aria-labelledby={confirmedLabel} aria-required>
            <Form.Item name="confirmed" noStyle rules={[required]}>
              <Radio.Group>
                <Radio value={true}>{t('common.yes')}</Radio>
                <Radio value={false}>{t('common.no')}</Radio>
              </Radio.Group>
            </Form.Item>
          </div>
        </Form.Item>
      )}
    </FormDrawer>
  );
}
