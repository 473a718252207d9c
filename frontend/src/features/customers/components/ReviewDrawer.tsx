import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useCustomerAction } from '../api/mutations';
import { customerFailure } from '../lib/failure';
import { DuplicateList } from './DuplicateWarning';

type Customer = Schemas['CustomerView'];
type Decision = Schemas['ReviewDecision'];

interface Values {
  decision: Decision;
  reason?: string;
}

interface Props extends ActionOutcome {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  onDone: (decision: Decision) => void;
}

/** An archived (or earlier) record with the same name or tax id: approval would be refused. */
export function firstRegistered(c: Customer): Schemas['DuplicateView'] | undefined {
  return c.duplicates.find(
    (d) =>
      d.status === 'active' ||
      d.status === 'deregistered' ||
      (d.status === 'pending_review' && !!d.registered_at && !!c.submitted_at && d.registered_at < c.submitted_at),
  );
}

/** 审核: approve (archive it) or send it back with a reason. */
export function ReviewDrawer({ customer: c, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useCustomerAction();
  const decision = Form.useWatch('decision', form) ?? 'approve';
  const first = firstRegistered(c);

  async function submit(v: Values) {
    await mutation.mutateAsync({
      id: c.id,
      version: c.version,
      action: { kind: 'review', body: { decision: v.decision, reason: v.reason?.trim() || null } },
    });
    onDone(v.decision);
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('customers.actions.review')}
      submitLabel={t(`customers.review.${decision}`)}
      danger={decision === 'reject'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['reason', 'decision'], outcome)}
      form={form}
      name="customer-review"
      initialValues={{ decision: first ? 'reject' : 'approve' }}
      before={<DuplicateList duplicates={c.duplicates} hint={first ? t('customers.review.firstWins', { code: first.code }) : t('customers.duplicate.reviewHint')} />}
      after={
        <p className="kehu-next" data-testid="next-step">
          {t(`customers.review.next.${decision}`)}
        </p>
      }
    >
      <Form.Item name="decision" label={t('customers.review.decision')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'approve', label: t('customers.review.approve') },
            { value: 'reject', label: t('customers.review.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={decision === 'reject' ? t('customers.review.reason') : t('customers.review.comment')}
        rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}
      >
        <Input.TextArea rows={4} maxLength={500} showCount placeholder={decision === 'reject' ? t('customers.review.reasonPlaceholder') : undefined} />
      </Form.Item>
    </FormDrawer>
  );
}
