import { Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useCustomerAction } from '../api/mutations';
import { DuplicateList } from './DuplicateWarning';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from './FormDrawer';

type Customer = Schemas['CustomerView'];
type Decision = Schemas['ReviewDecision'];

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
export function ReviewDrawer({ customer: c, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: Decision; reason?: string }>();
  const mutation = useCustomerAction();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const decision = Form.useWatch('decision', form) ?? 'approve';
  const first = firstRegistered(c);

  useEffect(() => {
    setProblem(null);
    if (open) {
      form.resetFields();
      form.setFieldsValue({ decision: first ? 'reject' : 'approve' });
    }
  }, [open]);

  async function submit(v: { decision: Decision; reason?: string }) {
    setProblem(null);
    try {
      await mutation.mutateAsync({
        id: c.id,
        version: c.version,
        action: { kind: 'review', body: { decision: v.decision, reason: v.reason?.trim() || null } },
      });
      onDone(v.decision);
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['reason', 'decision'], { onConflict, onStale }));
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('customers.actions.review')}
      submitLabel={t(`customers.review.${decision}`)}
      danger={decision === 'reject'}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
    >
      <DuplicateList duplicates={c.duplicates} hint={first ? t('customers.review.firstWins', { code: first.code }) : t('customers.duplicate.reviewHint')} />
      <Form form={form} layout="vertical" name="customer-review" onFinish={submit} disabled={mutation.isPending}>
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
      </Form>
      <p className="kehu-next" data-testid="next-step">
        {t(`customers.review.next.${decision}`)}
      </p>
    </FormDrawer>
  );
}
