import { Form, Input, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';

interface Decided {
  id: number;
  version: number;
}

interface Values {
  reason?: string;
}

export interface DecisionProps<R extends Decided> {
  request: R | null;
  approve: boolean;
  onClose: () => void;
  onDone: (request: R) => void;
}

interface Props<R extends Decided> extends DecisionProps<R> {
  /** 批准 or 不批准, as this kind of request says it. */
  label: string;
  title: string;
  facts: (request: R) => DescriptionsProps['items'];
  next: string;
  name: string;
  decide: {
    mutateAsync: (decision: { id: number; version: number; body: { approve: boolean; reason: string | null } }) => Promise<R>;
    isPending: boolean;
  };
  /** What to say when someone decided first (409); default the server's words. */
  decided?: string;
}

/** 批准 / 不批准 a request (archive access, credit terms, deregistration); refusing needs a reason. */
export function DecisionDrawer<R extends Decided>({ request: r, approve, onClose, onDone, label, title, facts, next, name, decide, decided }: Props<R>) {
  const { t } = useTranslation();

  async function submit(v: Values) {
    if (!r) return;
    onDone(await decide.mutateAsync({ id: r.id, version: r.version, body: { approve, reason: v.reason?.trim() || null } }));
  }

  return (
    <FormDrawer<Values>
      open={r !== null}
      title={title}
      submitLabel={label}
      danger={!approve}
      onClose={onClose}
      onSubmit={submit}
      busy={decide.isPending}
      failure={{ fields: ['reason'], messages: { 412: t('customers.access.stale'), 409: decided }, warn: [409, 412] }}
      name={name}
      width={480}
      facts={r && facts(r)}
      after={<p className="kehu-next">{next}</p>}
    >
      <Form.Item
        name="reason"
        label={approve ? t('customers.access.comment') : t('customers.access.refuseReason')}
        rules={approve ? [] : [{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
