import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { DIMENSIONS } from '../../care/lib/labels';
import { useSendCaseSurvey } from '../api/mutations';
import type { Contact } from '../lib/contacts';

type Link = Schemas['SurveyLinkView'];

/**
 * 满意度调查 sent with the close confirmation: whether it went out and was
 * answered (with the customer's six scores), and for whoever may send it a
 * button that makes a link. The link's token is shown only the once: it stays
 * here until the page is left.
 */
export function CaseSurvey({ complaintId, contact: c }: { complaintId: number; contact: Contact }) {
  const { t, i18n } = useTranslation();
  const send = useSendCaseSurvey(complaintId);
  const [link, setLink] = useState<Link | null>(null);
  const [problem, setProblem] = useState<{ type: 'info' | 'error'; text: string } | null>(null);
  const locale = i18n.language;
  const survey = c.survey;

  async function create() {
    setProblem(null);
    try {
      setLink(await send.mutateAsync());
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.code === 'already_answered') setProblem({ type: 'info', text: t('contacts.survey.alreadyAnswered') });
      else setProblem({ type: 'error', text: p.message });
    }
  }

  if (!survey && !c.can_send_survey && !link) return null;
  return (
    <div className="kehu-case-contact__survey" data-testid="case-survey">
      <div className="kehu-case-contact__line">
        <span className="kehu-muted">{t('contacts.survey.title')}</span>
        {survey?.answered_at ? (
          <>
            <Tag color="green" className="kehu-case-contact__tag">
              {t('contacts.survey.answered')}
            </Tag>
            <span>{t('contacts.survey.answeredAt', { time: formatDateTime(survey.answered_at, locale) })}</span>
          </>
        ) : (
          survey && (
            <>
              <Tag color="blue" className="kehu-case-contact__tag">
                {t('contacts.survey.sent')}
              </Tag>
              <span>{t('contacts.survey.sentAt', { time: formatDateTime(survey.sent_at, locale) })}</span>
              {survey.expires_at && <span className="kehu-muted">{t('contacts.survey.expires', { time: formatDateTime(survey.expires_at, locale) })}</span>}
            </>
          )
        )}
      </div>
      {survey?.scores && <Scores scores={survey.scores} />}
      <div aria-live="polite">
        {problem && <Alert type={problem.type} showIcon role={problem.type === 'error' ? 'alert' : 'status'} className="kehu-gap" message={problem.text} />}
        {link && <ShownLink link={link} />}
      </div>
      {c.can_send_survey && (
        <div className="kehu-case-contact__actions">
          <Button icon={<LinkOutlined aria-hidden />} loading={send.isPending} onClick={() => void create()}>
            {t('contacts.survey.create')}
          </Button>
          {survey && !survey.answered_at && <span className="kehu-muted">{t('contacts.survey.recreateHint')}</span>}
        </div>
      )}
    </div>
  );
}

/** The customer's answers: each dimension's level in words, with its score. */
function Scores({ scores }: { scores: Schemas['Scores'] }) {
  const { t } = useTranslation();
  return (
    <dl className="kehu-case-contact__scores" aria-label={t('contacts.survey.scores')}>
      {DIMENSIONS.map((d) => (
        <div key={d} className="kehu-case-contact__score">
          <dt>{t(`care.survey.dimensions.${d}`)}</dt>
          <dd>{t('contacts.survey.score', { level: t(`care.survey.levels.${scores[d]}`, { defaultValue: String(scores[d]) }), score: scores[d] })}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The new link, the one time it is shown: the whole address to copy and until when it works. */
function ShownLink({ link }: { link: Link }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${link.path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Alert
      type="success"
      showIcon
      className="kehu-gap"
      message={t('contacts.survey.expires', { time: formatDateTime(link.expires_at, i18n.language) })}
      description={
        <>
          <Space.Compact className="kehu-full">
            <Input readOnly value={url} aria-label={t('care.survey.linkUrl')} data-testid="case-survey-url" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
              {copied ? t('care.survey.copied') : t('care.survey.copy')}
            </Button>
          </Space.Compact>
          <p className="kehu-case-contact__once">{t('contacts.survey.once')}</p>
        </>
      }
    />
  );
}
