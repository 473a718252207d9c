import { Alert, Button, Form, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import { formatDateTime } from '../../../lib/format';
import { placeFieldErrors, topField } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useAnswerLetter } from '../api/mutations';
import { awaitsAnswer, type Letter } from '../lib/letters';

/** The server's limit on an answer. */
const MAX_ANSWER = 4000;

interface Values {
  answer: string;
}

/** Kept as a key so the message follows a language switch (a server failure stays as it came). */
interface Feedback {
  type: 'success' | 'warning' | 'error';
  key?: 'letters.answered' | 'letters.changed';
  text?: string;
}

interface Props {
  letter: Letter;
  /** 412 / 409: the letter changed under the form; the page reads it again. */
  onChanged: () => void;
}

/**
 * 逾期原因 of a 洽办单: the late department's answer with who gave it and
 * when; until then, for those who may answer, the form (else a line saying
 * it waits). On paper an unanswered inquiry leaves a box to write in.
 */
export function InquiryAnswer({ letter: l, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const open = awaitsAnswer(l);

  return (
    <section className="kehu-letter__reason" aria-labelledby={headingId}>
      <h2 id={headingId} className="kehu-letter__reason-title">
        {t('letters.reason')}
      </h2>
      <div aria-live="polite" className="kehu-letter__feedback">
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
      {!open ? (
        <>
          <div className="kehu-letter__answer" data-testid="letter-answer">
            {l.answer}
          </div>
          {l.answered_by && l.answered_at && (
            <p className="kehu-letter__by">{t('letters.answeredBy', { name: l.answered_by.name, time: formatDateTime(l.answered_at, i18n.language) })}</p>
          )}
        </>
      ) : (
        <>
          <div className="kehu-letter__blank" aria-hidden data-testid="letter-blank" />
          {l.can_answer ? (
            <AnswerForm letter={l} labelledBy={headingId} onFeedback={setFeedback} onChanged={onChanged} />
          ) : (
            <p className="kehu-letter__waiting">{t('letters.waiting')}</p>
          )}
        </>
      )}
    </section>
  );
}

interface FormProps {
  letter: Letter;
  /** The section's heading names the text box. */
  labelledBy: string;
  onFeedback: (feedback: Feedback | null) => void;
  onChanged: () => void;
}

function AnswerForm({ letter: l, labelledBy, onFeedback, onChanged }: FormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const clearErrors = useClearErrorsOnEdit(form);
  const answer = useAnswerLetter();

  async function submit({ answer: text }: Values) {
    onFeedback(null);
    try {
      await answer.mutateAsync({ letter: l, answer: text.trim() });
      onFeedback({ type: 'success', key: 'letters.answered' });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      // Someone answered first, or the letter was read before a change: show it as it is now.
      if (p.status === 412 || p.status === 409) {
        onFeedback({ type: 'warning', key: 'letters.changed' });
        onChanged();
        return;
      }
      const rest = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => topField(f) === 'answer', label: (f) => f });
      // A message at the field says it all; anything else goes above the form.
      if (p.status !== 422 || rest.length > 0) onFeedback({ type: 'error', text: [p.message, ...rest].join('\n') });
    }
  }

  return (
    <Form<Values>
      form={form}
      name={`letter-${l.id}-answer`}
      layout="vertical"
      className="kehu-letter__form"
      initialValues={{ answer: '' }}
      onValuesChange={clearErrors}
      onFinish={submit}
      disabled={answer.isPending}
    >
      <Form.Item
        name="answer"
        extra={t('letters.reasonHint', { step: t(`state.${l.step}`, { defaultValue: l.step }) })}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={5} maxLength={MAX_ANSWER} showCount aria-labelledby={labelledBy} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {t('letters.submit')}
      </Button>
    </Form>
  );
}
