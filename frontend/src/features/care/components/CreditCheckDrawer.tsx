import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { customerFailure } from '../../customers/lib/failure';
import { GRADES } from '../../customers/lib/options';
import { useAddCreditCheck } from '../api/mutations';

interface Values {
  investigated_on?: Dayjs;
  summary?: string;
  recommended_grade?: Schemas['CreditGrade'];
  recommended_limit?: string;
}

interface Props extends ActionOutcome {
  customerId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

const FIELDS = ['investigated_on', 'summary', 'recommended_grade', 'recommended_limit'];

/** 信用调查: when, what was found, and the grade and limit it recommends. */
export function CreditCheckDrawer({ customerId, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const mutation = useAddCreditCheck(customerId);

  async function submit(v: Values) {
    await mutation.mutateAsync({
      investigated_on: (v.investigated_on ?? dayjs()).format('YYYY-MM-DD'),
      summary: v.summary?.trim() ?? '',
      recommended_grade: v.recommended_grade ?? null,
      recommended_limit: v.recommended_limit?.trim() || null,
    });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('care.credit.addCheck')}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, FIELDS, outcome)}
      name="credit-check"
      initialValues={{ investigated_on: dayjs() }}
      width={480}
    >
      <Form.Item name="investigated_on" label={t('care.credit.investigatedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker className="kehu-full" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
      </Form.Item>
      <Form.Item name="summary" label={t('care.credit.summary')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="recommended_grade" label={t('care.credit.recommendedGrade')}>
        <Select allowClear options={GRADES.map((g) => ({ value: g, label: g }))} />
      </Form.Item>
      <Form.Item name="recommended_limit" label={t('care.credit.recommendedLimit')} rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('validation.invalid_money') }]}>
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
    </FormDrawer>
  );
}
