import { Alert, Button, Card, Form, Radio, Select, Skeleton } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { LANGUAGES } from '../../../i18n/languages';
import { placeFieldErrors, topField } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useSaveNoticePreferences } from '../api/mutations';
import { useNoticePreferences } from '../api/queries';
import { orderedKinds } from '../lib/kinds';
import '../notice-preferences.css';
import { DeliveryLog } from './DeliveryLog';
import { DigestLog } from './DigestLog';
import { NoticeKindsField } from './NoticeKindsField';

type Preferences = Schemas['NoticePreferencesView'];
type Values = Schemas['NoticePreferencesBody'];

/** The hours a daily digest may go out at, of the organisation's day: 00:00 … 23:00. */
const DIGEST_HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: hour, label: `${String(hour).padStart(2, '0')}:00` }));

/** The form's fields the server's messages are placed on (the others go to the alert). */
const PLACED = new Set(['language', 'email_kinds', 'digest_kinds', 'digest_hour']);

/** Kept as a key so the message follows a language switch (a server failure stays as it came). */
interface Feedback {
  type: 'success' | 'warning' | 'error';
  key?: 'pages.me.notices.saved' | 'pages.me.notices.changed';
  text?: string;
}

/**
 * 通知设置 on 我的: the language of the e-mails sent to me, which kinds are
 * e-mailed as they happen (besides the bell) and where to, which are gathered
 * into a daily digest instead and at what hour, and the logs of what was sent.
 */
export function NoticePreferencesCard() {
  const { t } = useTranslation();
  const headingId = useId();
  const prefs = useNoticePreferences();
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  return (
    <Card
      id="notice-settings"
      className="kehu-account__notices"
      title={
        <h2 className="kehu-account__h2" id={headingId}>
          {t('pages.me.notices.title')}
        </h2>
      }
    >
      <section aria-labelledby={headingId}>
        <div aria-live="polite">
          {feedback && (
            <Alert
              type={feedback.type}
              showIcon
              closable
              role={feedback.type === 'error' ? 'alert' : 'status'}
              className="kehu-gap"
              message={feedback.key ? t(feedback.key) : feedback.text}
              onClose={() => setFeedback(null)}
            />
          )}
        </div>
        {prefs.isError && <Alert type="error" showIcon message={problemToFormErrors(prefs.error, t).message} className="kehu-gap" />}
        {prefs.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {/* A new version (saved here or read again after a 412) starts the form afresh. */}
        {prefs.data && <PreferencesForm key={prefs.data.version} prefs={prefs.data} onFeedback={setFeedback} onChanged={() => void prefs.refetch()} />}
        <DeliveryLog />
        <DigestLog />
      </section>
    </Card>
  );
}

interface FormProps {
  prefs: Preferences;
  onFeedback: (feedback: Feedback | null) => void;
  /** 412: the preferences changed elsewhere; the card reads them again. */
  onChanged: () => void;
}

function PreferencesForm({ prefs, onFeedback, onChanged }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [form] = Form.useForm<Values>();
  const clearErrors = useClearErrorsOnEdit(form);
  const save = useSaveNoticePreferences();
  // A kind goes either at once or in the digest: each field leaves the other's kinds untickable.
  const emailKinds = Form.useWatch('email_kinds', form);
  const digestKinds = Form.useWatch('digest_kinds', form);

  async function submit(values: Values) {
    onFeedback(null);
    try {
      await save.mutateAsync({
        version: prefs.version,
        body: {
          language: values.language,
          email_kinds: orderedKinds(values.email_kinds ?? []),
          digest_kinds: orderedKinds(values.digest_kinds ?? []),
          digest_hour: values.digest_hour,
        },
      });
      onFeedback({ type: 'success', key: 'pages.me.notices.saved' });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 412) {
        onFeedback({ type: 'warning', key: 'pages.me.notices.changed' });
        onChanged();
        return;
      }
      const placed = (f: string) => PLACED.has(topField(f));
      const rest = placeFieldErrors(form, p.fieldErrors, { isPlaced: placed, label: (f) => f, fieldName: topField });
      if (p.status !== 422 || rest.length > 0) onFeedback({ type: 'error', text: [p.message, ...rest].join('\n') });
    }
  }

  return (
    <Form<Values>
      form={form}
      name="notice-preferences"
      layout="vertical"
      initialValues={{ language: prefs.language, email_kinds: prefs.email_kinds, digest_kinds: prefs.digest_kinds, digest_hour: prefs.digest_hour }}
      onValuesChange={clearErrors}
      onFinish={submit}
      disabled={save.isPending}
      className="kehu-notice-prefs"
    >
      {/* A real radio group, named by the label; the field sits inside (its messages show on this item). */}
      <Form.Item label={<span id={`${id}-language`}>{t('pages.me.notices.language')}</span>} extra={t('pages.me.notices.languageHint')}>
        <div role="radiogroup" aria-labelledby={`${id}-language`}>
          <Form.Item name="language" noStyle>
            <Radio.Group
              optionType="button"
              options={LANGUAGES.map((language) => ({ value: language, label: <span lang={language}>{t(`language.${language}`)}</span> }))}
            />
          </Form.Item>
        </div>
      </Form.Item>
      <h3 className="kehu-notice-prefs__h3" id={`${id}-email`}>
        {t('pages.me.notices.email')}
      </h3>
      {prefs.email_address ? (
        <p className="kehu-notice-prefs__address">{t('pages.me.notices.sendTo', { address: prefs.email_address })}</p>
      ) : (
        <Alert type="warning" showIcon role="note" className="kehu-gap" message={t('pages.me.notices.noAddress')} />
      )}
      {!prefs.email_available && <Alert type="info" showIcon role="note" className="kehu-gap" message={t('pages.me.notices.noRelay')} />}
      <p className="kehu-notice-prefs__hint">{t('pages.me.notices.kindsHint')}</p>
      <Form.Item name="email_kinds">
        <NoticeKindsField labelledBy={`${id}-email`} disabledKinds={digestKinds ?? []} />
      </Form.Item>
      <h3 className="kehu-notice-prefs__h3" id={`${id}-digest`}>
        {t('pages.me.notices.digest')}
      </h3>
      <p className="kehu-notice-prefs__hint">{t('pages.me.notices.digestHint')}</p>
      <Form.Item name="digest_hour" label={t('pages.me.notices.digestHour')} extra={t('pages.me.notices.digestHourHint')}>
        {/* Not virtual: the 24 hours are all in the list at once. */}
        <Select options={DIGEST_HOURS} virtual={false} className="kehu-notice-prefs__hour" />
      </Form.Item>
      <Form.Item name="digest_kinds">
        <NoticeKindsField labelledBy={`${id}-digest`} disabledKinds={emailKinds ?? []} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('pages.me.notices.save')}
      </Button>
    </Form>
  );
}
