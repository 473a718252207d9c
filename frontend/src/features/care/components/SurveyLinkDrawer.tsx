import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDateTime } from '../../../lib/format';
import { customerFailure } from '../../customers/lib/failure';
import { useSurveyLink } from '../api/mutations';
import { currentPeriod } from '../lib/labels';
import { ProductPeriodFields } from './SurveyDrawer';

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
  const mutation = useSurveyLink(customerId);
  const [link, setLink] = useState<Schemas['SurveyLinkView'] | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    setLink(null);
    setCopied(false);
  }, [open]);

  async function submit(v: Values) {
    setLink(await mutation.mutateAsync({ product: v.product?.trim() || null, period: v.period?.trim() || null }));
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
    <FormDrawer<Values>
      open={open}
      title={t('care.survey.link')}
      submitLabel={t('care.survey.link')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['product', 'period'], outcome)}
      name="survey-link"
      initialValues={{ period: currentPeriod() }}
      width={520}
      result={
        link && (
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
        )
      }
    >
      <ProductPeriodFields />
      <Typography.Paragraph type="secondary">{t('care.survey.linkHint')}</Typography.Paragraph>
    </FormDrawer>
  );
}
