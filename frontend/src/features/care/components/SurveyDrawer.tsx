import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { useEnterSurvey } from '../api/mutations';
import { currentPeriod } from '../lib/labels';
import { ScoreFields, toRemarks, toScores, type ScoreValues } from './ScoreFields';

interface Values extends ScoreValues {
  product?: string;
  period?: string;
  respondent?: string;
}

interface Props extends ActionOutcome {
  customerId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 录入满意度调查: a paper or phone survey, entered by staff. */
export function SurveyDrawer({ customerId, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useEnterSurvey(customerId);
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (open) form.resetFields();
  }, [open]);

  async function submit(v: Values) {
    setProblem(null);
    try {
      await mutation.mutateAsync({
        product: v.product?.trim() || null,
        period: v.period?.trim() || null,
        scores: toScores(v.scores),
        remarks: toRemarks(v.remarks),
        respondent: v.respondent?.trim() || null,
      });
      onDone();
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['product', 'period', 'scores', 'remarks', 'respondent'], outcome));
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('care.survey.enter')}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={640}
    >
      <Form<Values> form={form} layout="vertical" name="survey" onFinish={submit} disabled={mutation.isPending} initialValues={{ period: currentPeriod() }}>
        <Form.Item name="product" label={t('care.survey.product')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="period" label={t('care.survey.period')} rules={[{ pattern: /^\d{4}-Q[1-4]$/, message: t('care.survey.periodFormat') }]}>
          <Input maxLength={7} placeholder="2026-Q4" />
        </Form.Item>
        <ScoreFields />
        <Form.Item name="respondent" label={t('care.survey.respondent')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t('care.survey.next')}</p>
    </FormDrawer>
  );
}
