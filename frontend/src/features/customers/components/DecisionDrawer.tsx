import { Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useDecideAccess } from '../api/mutations';
import { FormDrawer, placeFieldErrors, type DrawerProblem } from './FormDrawer';

type Request = Schemas['AccessRequestView'];

interface Props {
  request: Request | null;
  approve: boolean;
  onClose: () => void;
  onDone: (request: Request) => void;
}

/** 批准 / 不批准 an access request; refusing needs a reason. */
export function DecisionDrawer({ request: r, approve, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const mutation = useDecideAccess();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const label = approve ? t('customers.access.approve') : t('customers.access.refuse');

  useEffect(() => {
    setProblem(null);
    if (r) form.resetFields();
  }, [r?.id, approve]);

  async function submit(v: { reason?: string }) {
    if (!r) return;
    setProblem(null);
    try {
      onDone(await mutation.mutateAsync({ id: r.id, version: r.version, body: { approve, reason: v.reason?.trim() || null } }));
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p, (f) => f === 'reason', (f) => f);
      const message = p.status === 412 ? t('customers.access.stale') : p.status === 409 ? t('customers.access.decided') : p.message;
      setProblem({ message, details, stale: p.status === 412 || p.status === 409 });
    }
  }

  return (
    <FormDrawer
      open={r !== null}
      title={t('customers.access.decideTitle', { action: label })}
      submitLabel={label}
      danger={!approve}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      {r && (
        <Descriptions
          size="small"
          column={1}
          className="kehu-gap"
          items={[
            { key: 'customer', label: t('customers.access.customer'), children: `${r.customer_code} ${r.customer.name}` },
            { key: 'requester', label: t('customers.access.requester'), children: r.requester.name },
            { key: 'reason', label: t('customers.access.reason'), children: <span className="kehu-prose">{r.reason}</span> },
          ]}
        />
      )}
      <Form form={form} layout="vertical" name="access-decision" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item
          name="reason"
          label={approve ? t('customers.access.comment') : t('customers.access.refuseReason')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t(approve ? 'customers.access.nextApprove' : 'customers.access.nextRefuse')}</p>
    </FormDrawer>
  );
}
