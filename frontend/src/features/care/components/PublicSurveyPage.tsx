import { Alert, Button, Card, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate } from '../../../lib/format';
import { useAnswerSurvey } from '../api/mutations';
import { usePublicSurvey } from '../api/queries';
import { ScoreFields, toRemarks, toScores, type ScoreValues } from './ScoreFields';
import '../care.css';

interface Values extends ScoreValues {
  respondent?: string;
}

type Ending = 'thanks' | 'already_answered' | 'link_expired';

/** 满意度调查 for the customer: no login, one answer per link, phone first. */
export default function PublicSurveyPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const survey = usePublicSurvey(token);
  const answer = useAnswerSurvey(token);
  const [form] = Form.useForm<Values>();
  const [ending, setEnding] = useState<Ending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(t('care.public.title'));

  async function submit(v: Values) {
    setProblem(null);
    try {
      await answer.mutateAsync({ scores: toScores(v.scores), remarks: toRemarks(v.remarks), respondent: v.respondent?.trim() || null });
      setEnding('thanks');
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.code === 'already_answered' || p.code === 'link_expired') setEnding(p.code);
      else setProblem(p.message);
    }
  }

  const s = survey.data;
  const expired = !!s?.expires_at && new Date(s.expires_at).getTime() < Date.now();
  const shown: Ending | null = ending ?? (s?.submitted ? 'already_answered' : expired ? 'link_expired' : null);

  let body;
  if (survey.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (survey.isError || !s) body = <Result status="404" title={t('care.public.notFound')} subTitle={t('care.public.notFoundHint')} />;
  else if (shown)
    body = (
      <Result
        status={shown === 'thanks' ? 'success' : shown === 'link_expired' ? 'warning' : 'info'}
        title={t(`care.public.${shown}`)}
        subTitle={t(`care.public.${shown}Hint`)}
        data-testid="survey-ending"
      />
    );
  else
    body = (
      <>
        {s.complaint_number && (
          <Typography.Paragraph strong data-testid="survey-complaint">
            {t('care.public.about', { number: s.complaint_number })}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph>{t('care.public.intro', { name: s.customer_name })}</Typography.Paragraph>
        <dl className="kehu-public__facts">
          {s.product && (
            <>
              <dt>{t('care.survey.product')}</dt>
              <dd>{s.product}</dd>
            </>
          )}
          <dt>{t('care.survey.period')}</dt>
          <dd>{s.period}</dd>
          {s.expires_at && (
            <>
              <dt>{t('care.public.expires')}</dt>
              <dd>{formatDate(s.expires_at, i18n.language)}</dd>
            </>
          )}
        </dl>
        {problem && <Alert type="error" showIcon role="alert" message={problem} className="kehu-gap" />}
        <Form<Values> form={form} layout="vertical" name="public-survey" onFinish={submit} disabled={answer.isPending} scrollToFirstError>
          <ScoreFields vertical />
          <Form.Item name="respondent" label={t('care.survey.respondent')}>
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={answer.isPending}>
            {t('care.public.submit')}
          </Button>
        </Form>
      </>
    );

  return (
    <main className="kehu-public">
      <Card
        className="kehu-public__card"
        title={
          <Typography.Title level={1} className="kehu-public__title" id="page-title">
            {s ? t('care.public.heading', { name: s.customer_name }) : t('care.public.title')}
          </Typography.Title>
        }
        extra={<LanguageSwitch compact />}
      >
        {body}
      </Card>
    </main>
  );
}
