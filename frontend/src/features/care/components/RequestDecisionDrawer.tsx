import { Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { FormDrawer, placeFieldErrors, type DrawerProblem } from '../../customers/components/FormDrawer';
import { useDecideRequest } from '../api/mutations';
import { useRequestSummary } from './RequestTable';

type Request = Schemas['CustomerRequestView'];

interface Props {
  request: Request | null;
  approve: boolean;
  onClose: () => void;
  onDone: (r: Request) => void;
}

/** 批准 / 不批准 a credit or deregistration request; refusing needs a reason. */
export function RequestDecisionDrawer({ request: r, approve, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const mutation = useDecideRequest();
  const summary = useRequestSummary();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const label = t(approve ? 'care.request.approve' : 'care.request.refuse');

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
      const message = p.status === 412 ? t('customers.access.stale') : p.message;
      setProblem({ message, details, stale: p.status === 412 || p.status === 409 });
    }
  }

  return (
    <FormDrawer
      open={r !== null}
      title={t('care.request.decideTitle', { action: label })}
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
            { key: 'customer', label: t('customers.name'), children: r.customer.name },
            { key: 'kind', label: t('care.request.kind'), children: t(`care.request.kinds.${r.kind}`, { defaultValue: r.kind }) },
            { key: 'what', label: t('care.request.what'), children: summary(r) },
            { key: 'by', label: t('care.request.by'), children: r.requested_by.name },
            { key: 'reason', label: t('drawer.reason'), children: <span className="kehu-prose">{r.reason}</span> },
          ]}
        />
      )}
      <Form form={form} layout="vertical" name="request-decision" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item
          name="reason"
          label={approve ? t('customers.access.comment') : t('customers.access.refuseReason')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t(approve ? 'care.request.nextApprove' : 'care.request.nextRefuse')}</p>
    </FormDrawer>
  );
}
