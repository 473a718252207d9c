import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { useSurveyLink } from '../api/mutations';
import { currentPeriod } from '../lib/labels';

interface Values {
  product?: string;
  period?: string;
}

interface Props extends ActionOutcome {
  customerId: number;
  open: boolean;
  onClose: () => void;
}

/** 生成调查链接: a one-time link the customer answers without logging in. */
export function SurveyLinkDrawer({ customerId, open, onClose, ...outcome }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useSurveyLink(customerId);
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const [link, setLink] = useState<Schemas['SurveyLinkView'] | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    setProblem(null);
    setLink(null);
    setCopied(false);
    if (open) form.resetFields();
  }, [open]);

  async function submit(v: Values) {
    setProblem(null);
    try {
      setLink(await mutation.mutateAsync({ product: v.product?.trim() || null, period: v.period?.trim() || null }));
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['product', 'period'], outcome));
    }
  }

  const url = link ? `${location.origin}/survey/${link.token}` : '';
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('care.survey.link')}
      submitLabel={link ? t('common.close') : t('care.survey.link')}
      onClose={onClose}
      onSubmit={() => (link ? onClose() : form.submit())}
      loading={mutation.isPending}
      problem={problem}
      width={520}
    >
      {link ? (
        <Alert
          type="success"
          showIcon
          message={t('care.survey.linkReady', { date: formatDateTime(link.expires_at, i18n.language) })}
          description={
            <Space.Compact className="kehu-full">
              <Input readOnly value={url} aria-label={t('care.survey.linkUrl')} data-testid="survey-url" onFocus={(e) => e.target.select()} />
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                {copied ? t('care.survey.copied') : t('care.survey.copy')}
              </Button>
            </Space.Compact>
          }
        />
      ) : (
        <Form<Values> form={form} layout="vertical" name="survey-link" onFinish={submit} disabled={mutation.isPending} initialValues={{ period: currentPeriod() }}>
          <Form.Item name="product" label={t('care.survey.product')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="period" label={t('care.survey.period')} rules={[{ pattern: /^\d{4}-Q[1-4]$/, message: t('care.survey.periodFormat') }]}>
            <Input maxLength={7} placeholder="2026-Q4" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('care.survey.linkHint')}</Typography.Paragraph>
        </Form>
      )}
    </FormDrawer>
  );
}
