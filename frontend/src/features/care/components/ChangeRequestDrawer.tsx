import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { GRADES } from '../../customers/lib/options';
import { useFileRequest } from '../api/mutations';

type Kind = Schemas['RequestKind'];

interface Values {
  kind: Kind;
  credit_grade?: Schemas['CreditGrade'];
  credit_limit?: string;
  payment_term_days?: number;
  credit_check_id?: number;
  reason?: string;
}

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  checks: Schemas['CreditCheckView'][];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

const FIELDS = ['kind', 'credit_grade', 'credit_limit', 'payment_term_days', 'credit_check_id', 'reason'];

/** 申请变更: new credit terms (payment terms need an investigation) or 注销; the sales manager decides. */
export function ChangeRequestDrawer({ customer: c, checks, open, onClose, onDone, ...outcome }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useFileRequest(c.id);
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'credit';
  const days = Form.useWatch('payment_term_days', form) ?? 0;

  useEffect(() => {
    setProblem(null);
    if (open) form.resetFields();
  }, [open]);

  // The investigations may arrive after the drawer opened: default to the latest.
  const latest = checks[0]?.id;
  useEffect(() => {
    if (open && latest && form.getFieldValue('credit_check_id') === undefined) form.setFieldValue('credit_check_id', latest);
  }, [open, latest]);

  async function submit(v: Values) {
    setProblem(null);
    const body: Schemas['CustomerRequestInput'] =
      v.kind === 'deregister'
        ? { kind: 'deregister', reason: v.reason?.trim() ?? '' }
        : {
            kind: 'credit',
            credit_grade: v.credit_grade ?? null,
            credit_limit: v.credit_limit?.trim() || null,
            payment_term_days: v.payment_term_days ?? null,
            credit_check_id: v.credit_check_id ?? null,
            reason: v.reason?.trim() ?? '',
          };
    try {
      await mutation.mutateAsync(body);
      onDone();
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, FIELDS, outcome));
    }
  }

  const initial: Values = {
    kind: 'credit',
    credit_grade: (c.credit_grade as Schemas['CreditGrade'] | null) ?? undefined,
    credit_limit: c.credit_limit ?? undefined,
    payment_term_days: c.payment_term_days ?? 0,
    credit_check_id: checks[0]?.id,
  };

  return (
    <FormDrawer
      open={open}
      title={t('care.request.file')}
      submitLabel={t('care.request.submit')}
      danger={kind === 'deregister'}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={520}
    >
      <Form<Values> form={form} layout="vertical" name="customer-request" onFinish={submit} disabled={mutation.isPending} initialValues={initial}>
        <Form.Item name="kind" label={t('care.request.kind')}>
          <Radio.Group optionType="button" options={(['credit', 'deregister'] as const).map((k) => ({ value: k, label: t(`care.request.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'credit' && (
          <>
            <Form.Item name="credit_grade" label={t('customer.grade')}>
              <Select allowClear options={GRADES.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
            <Form.Item name="credit_limit" label={t('customer.creditLimit')} rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('validation.invalid_money') }]}>
              <Input inputMode="decimal" prefix="¥" />
            </Form.Item>
            <Form.Item name="payment_term_days" label={t('care.request.termDays')} extra={t('care.request.termHint')}>
              <InputNumber min={0} max={31} precision={0} addonAfter={t('care.request.dayUnit')} className="kehu-full" />
            </Form.Item>
            <Form.Item
              name="credit_check_id"
              label={t('care.credit.check')}
              rules={[{ required: days > 0, message: t('care.request.checkNeeded') }]}
            >
              <Select
                allowClear
                notFoundContent={t('care.credit.noChecks')}
                options={checks.map((k) => ({ value: k.id, label: `${formatDate(k.investigated_on, i18n.language)} · ${k.investigated_by.name} · ${k.summary.slice(0, 30)}` }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('drawer.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t(kind === 'deregister' ? 'care.request.nextDeregister' : 'care.request.nextCredit')}</p>
    </FormDrawer>
  );
}
