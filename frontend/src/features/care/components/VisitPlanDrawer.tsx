import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { customerFailure } from '../../customers/lib/failure';
import { usePlanVisit } from '../api/mutations';
import { VISIT_METHODS } from '../lib/labels';

interface Values {
  planned_on?: Dayjs;
  purpose?: string;
  content?: string;
  method: Schemas['VisitMethod'];
}

interface Props extends ActionOutcome {
  customerId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 回访计划: when, why, what and how. */
export function VisitPlanDrawer({ customerId, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const mutation = usePlanVisit(customerId);

  async function submit(v: Values) {
    await mutation.mutateAsync({
      planned_on: (v.planned_on ?? dayjs()).format('YYYY-MM-DD'),
      purpose: v.purpose?.trim() ?? '',
      content: v.content?.trim() || null,
      method: v.method,
    });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('care.visit.plan')}
      submitLabel={t('care.visit.plan')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['planned_on', 'purpose', 'content', 'method'], outcome)}
      name="visit-plan"
      initialValues={{ method: 'onsite', planned_on: dayjs() }}
      width={480}
    >
      <Form.Item name="planned_on" label={t('care.visit.plannedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker className="kehu-full" />
      </Form.Item>
      <Form.Item name="method" label={t('care.visit.method')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`care.visit.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="purpose" label={t('care.visit.purpose')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('care.visit.content')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
