import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate } from '../../../lib/format';
import { personOptions, usePeople } from '../../customers/hooks/useSalespeople';
import { customerFailure } from '../../customers/lib/failure';
import { useVisitStep } from '../api/mutations';

export type VisitStepName = 'record' | 'report' | 'review';
type Visit = Schemas['VisitView'];

interface Values {
  visited_on?: Dayjs;
  record?: string;
  participant_ids?: number[];
  expense?: string;
  expense_note?: string;
  text?: string;
}

interface Props extends ActionOutcome {
  visit: Visit | null;
  step: VisitStepName;
  onClose: () => void;
  onDone: (step: VisitStepName) => void;
}

const FIELDS = ['visited_on', 'record', 'participant_ids', 'expense', 'expense_note', 'text'];

/** 回访记录 (who went, what happened, the expense) · 回访报告 · 审阅 (a supervisor who did not go). */
export function VisitStepDrawer({ visit: v, step, onClose, onDone, ...outcome }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useVisitStep();
  const { people, loading } = usePeople();

  async function submit(values: Values) {
    if (!v) return;
    const action =
      step === 'record'
        ? {
            kind: 'record' as const,
            body: {
              visited_on: (values.visited_on ?? dayjs()).format('YYYY-MM-DD'),
              record: values.record?.trim() ?? '',
              participant_ids: values.participant_ids ?? [],
              expense: values.expense?.trim() || null,
              expense_note: values.expense_note?.trim() || null,
            },
          }
        : { kind: step, body: { text: values.text?.trim() ?? '' } };
    await mutation.mutateAsync({ id: v.id, version: v.version, step: action });
    onDone(step);
  }

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormDrawer<Values>
      open={v !== null}
      title={t(`care.visit.steps.${step}`)}
      submitLabel={t(`care.visit.steps.${step}`)}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, FIELDS, outcome)}
      name={`visit-${step}`}
      initialValues={{ visited_on: dayjs() }}
      width={520}
      facts={
        v && [
          { key: 'customer', label: t('customers.name'), children: v.customer.name },
          { key: 'planned', label: t('care.visit.plannedOn'), children: `${formatDate(v.planned_on, i18n.language)} · ${t(`care.visit.methods.${v.method}`)}` },
          { key: 'purpose', label: t('care.visit.purpose'), children: v.purpose },
          ...(v.record ? [{ key: 'record', label: t('care.visit.record'), children: <span className="kehu-prose">{v.record}</span> }] : []),
          ...(v.participants.length ? [{ key: 'who', label: t('care.visit.participants'), children: v.participants.map((p) => p.name).join(t('common.listSeparator')) }] : []),
          ...(v.report ? [{ key: 'report', label: t('care.visit.report'), children: <span className="kehu-prose">{v.report}</span> }] : []),
        ]
      }
      after={<p className="kehu-next">{t(`care.visit.next.${step}`)}</p>}
    >
      {step === 'record' ? (
        <>
          <Form.Item name="visited_on" label={t('care.visit.visitedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker className="kehu-full" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
          <Form.Item name="participant_ids" label={t('care.visit.participants')} extra={t('care.visit.participantsHint')}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={loading} options={personOptions(people.filter((p) => p.active))} />
          </Form.Item>
          <Form.Item name="record" label={t('care.visit.record')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="expense" label={t('care.visit.expense')} rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('validation.invalid_money') }]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item name="expense_note" label={t('care.visit.expenseNote')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="text" label={t(step === 'report' ? 'care.visit.report' : 'care.visit.reviewComment')} rules={required}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
