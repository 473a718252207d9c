import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { formatRetryAfter, problemToFormErrors, toAntdFields } from '../../../api/problem';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Credentials } from '../api/auth';
import { useLogin } from '../hooks/useAuthActions';
import { useSession } from '../hooks/useSession';
import { safeNextPath } from '../next-path';

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('login.pageTitle'));

  const next = safeNextPath(params.get('next'));
  if (session.status === 'authenticated' && !login.isPending) return <Navigate to={next} replace />;

  async function submit(values: Credentials) {
    setError(null);
    try {
      await login.mutateAsync(values);
      navigate(next, { replace: true });
    } catch (failure) {
      const problem = problemToFormErrors(failure, t);
      if (problem.status === 401) setError(t('login.wrongCredentials'));
      else if (problem.status === 429) {
        setError(
          problem.retryAfterSeconds !== null
            ? t('login.rateLimited', { time: formatRetryAfter(problem.retryAfterSeconds, t) })
            : t('login.rateLimitedNoTime'),
        );
      } else setError(problem.message);
      form.setFields(toAntdFields<Credentials>(problem.fieldErrors));
    }
  }

  return (
    <div className="kehu-login">
      <header className="kehu-login__bar">
        <span className="kehu-brand">
          <span className="kehu-brand__mark" aria-hidden>
            K
          </span>
          <span className="kehu-brand__name">{t('app.shortName')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="kehu-login__main">
        <Card className="kehu-login__card">
          <Typography.Title level={1} className="kehu-login__title">
            {t('login.heading')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.tagline')}</Typography.Paragraph>
          {session.endReason === 'expired' && !error && (
            <Alert type="info" showIcon message={t('login.sessionExpired')} className="kehu-login__alert" />
          )}
          <div aria-live="assertive">
            {error && <Alert type="error" showIcon message={error} role="alert" className="kehu-login__alert" />}
          </div>
          <Form<Credentials>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={login.isPending}
            name="login"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
