import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import { placeFieldErrors } from '../../../lib/form-errors';
import { changePassword } from '../api/password';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

/** The server's own minimum; it also refuses common passwords and patterns. */
const MIN_LENGTH = 12;

/** 修改密码: the current password, then a new one twice. */
export function PasswordChangeCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);

  async function submit(v: Values) {
    setBusy(true);
    setNotice(null);
    try {
      await changePassword({ current_password: v.current_password, new_password: v.new_password });
      form.resetFields();
      setNotice({ type: 'success', text: t('pages.me.password.done') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const rest = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => f === 'current_password' || f === 'new_password', label: (f) => f });
      if (rest.length > 0 || Object.keys(p.fieldErrors).length === 0) setNotice({ type: 'error', text: [p.message, ...rest].join(' ') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('pages.me.password.title')} className="kehu-account__password">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
        <Form.Item name="current_password" label={t('pages.me.password.current')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('pages.me.password.new')}
          extra={t('pages.me.password.rule', { count: MIN_LENGTH })}
          rules={[
            { required: true, message: t('validation.required') },
            { min: MIN_LENGTH, message: t('pages.me.password.rule', { count: MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('pages.me.password.confirm')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('pages.me.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {notice && <Alert type={notice.type} message={notice.text} showIcon className="kehu-account__notice" role={notice.type === 'error' ? 'alert' : 'status'} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('pages.me.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
