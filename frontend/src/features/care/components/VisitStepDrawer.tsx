import { DatePicker, Descriptions, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { personOptions, usePeople } from '../../customers/hooks/useSalespeople';
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
  const [form] = Form.useForm<Values>();
  const mutation = useVisitStep();
  const { people, loading } = usePeople();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (v) form.resetFields();
  }, [v?.id, step]);

  async function submit(values: Values) {
    if (!v) return;
    setProblem(null);
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
    try {
      await mutation.mutateAsync({ id: v.id, version: v.version, step: action });
      onDone(step);
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, FIELDS, outcome));
    }
  }

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormDrawer
      open={v !== null}
      title={t(`care.visit.steps.${step}`)}
      submitLabel={t(`care.visit.steps.${step}`)}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={520}
    >
      {v && (
        <Descriptions
          size="small"
          column={1}
          className="kehu-gap"
          items={[
            { key: 'customer', label: t('customers.name'), children: v.customer.name },
            { key: 'planned', label: t('care.visit.plannedOn'), children: `${formatDate(v.planned_on, i18n.language)} · ${t(`care.visit.methods.${v.method}`)}` },
            { key: 'purpose', label: t('care.visit.purpose'), children: v.purpose },
            ...(v.record ? [{ key: 'record', label: t('care.visit.record'), children: <span className="kehu-prose">{v.record}</span> }] : []),
            ...(v.participants.length ? [{ key: 'who', label: t('care.visit.participants'), children: v.participants.map((p) => p.name).join(t('common.listSeparator')) }] : []),
            ...(v.report ? [{ key: 'report', label: t('care.visit.report'), children: <span className="kehu-prose">{v.report}</span> }] : []),
          ]}
        />
      )}
      <Form<Values> form={form} layout="vertical" name={`visit-${step}`} onFinish={submit} disabled={mutation.isPending} initialValues={{ visited_on: dayjs() }}>
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
      </Form>
      <p className="kehu-next">{t(`care.visit.next.${step}`)}</p>
    </FormDrawer>
  );
}
