import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { customerFailure } from '../../customers/lib/failure';
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
  const mutation = useEnterSurvey(customerId);

  async function submit(v: Values) {
    await mutation.mutateAsync({
      product: v.product?.trim() || null,
      period: v.period?.trim() || null,
      scores: toScores(v.scores),
      remarks: toRemarks(v.remarks),
      respondent: v.respondent?.trim() || null,
    });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('care.survey.enter')}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['product', 'period', 'scores', 'remarks', 'respondent'], outcome)}
      name="survey"
      initialValues={{ period: currentPeriod() }}
      width={640}
      after={<p className="kehu-next">{t('care.survey.next')}</p>}
    >
      <ProductPeriodFields />
      <ScoreFields />
      <Form.Item name="respondent" label={t('care.survey.respondent')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDrawer>
  );
}

/** What a survey is about: the product and the quarter ("2026-Q4"). */
export function ProductPeriodFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="product" label={t('care.survey.product')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="period" label={t('care.survey.period')} rules={[{ pattern: /^\d{4}-Q[1-4]$/, message: t('care.survey.periodFormat') }]}>
        <Input maxLength={7} placeholder="2026-Q4" />
      </Form.Item>
    </>
  );
}
