import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { everyCode } from '../../../lib/codes';
import { formatDate } from '../../../lib/format';
import { customerFailure } from '../../customers/lib/failure';
import { GRADES } from '../../customers/lib/options';
import { useFileRequest } from '../api/mutations';

type Kind = Schemas['RequestKind'];
const KINDS = everyCode<Kind>()(['credit', 'deregister']);

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
  const kind = Form.useWatch('kind', form) ?? 'credit';
  const days = Form.useWatch('payment_term_days', form) ?? 0;

  // The investigations may arrive after the drawer opened: default to the latest.
  const latest = checks[0]?.id;
  useEffect(() => {
    if (open && latest && form.getFieldValue('credit_check_id') === undefined) form.setFieldValue('credit_check_id', latest);
  }, [open, latest]);

  async function submit(v: Values) {
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
    await mutation.mutateAsync(body);
    onDone();
  }

  const initial: Values = {
    kind: 'credit',
    credit_grade: (c.credit_grade as Schemas['CreditGrade'] | null) ?? undefined,
    credit_limit: c.credit_limit ?? undefined,
    payment_term_days: c.payment_term_days ?? 0,
    credit_check_id: checks[0]?.id,
  };

  return (
    <FormDrawer<Values>
      open={open}
      title={t('care.request.file')}
      submitLabel={t('care.request.submit')}
      danger={kind === 'deregister'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, FIELDS, outcome)}
      form={form}
      name="customer-request"
      initialValues={initial}
      width={520}
      after={<p className="kehu-next">{t(kind === 'deregister' ? 'care.request.nextDeregister' : 'care.request.nextCredit')}</p>}
    >
      <Form.Item name="kind" label={t('care.request.kind')}>
        <Radio.Group optionType="button" options={KINDS.map((k) => ({ value: k, label: t(`care.request.kinds.${k}`) }))} />
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
          <Form.Item name="credit_check_id" label={t('care.credit.check')} rules={[{ required: days > 0, message: t('care.request.checkNeeded') }]}>
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
    </FormDrawer>
  );
}
