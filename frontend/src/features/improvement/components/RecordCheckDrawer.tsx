import { Alert, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate } from '../../../lib/format';
import { useRecordCheck } from '../api/mutations';
import { checkBody, passes, QUESTIONS, type CheckValues } from '../lib/check';

interface Props {
  check: Schemas['CheckView'];
  open: boolean;
  onClose: () => void;
  onDone: (saved: Schemas['CheckView']) => void;
  /** 409: already recorded; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  onStale: ActionOutcome['onStale'];
}

/**
 * 记录验证结果: the three questions and what the check rests on. The drawer
 * says before sending whether the answers fail the check, since a failure
 * raises a new case for sales that cannot be taken back.
 */
export function RecordCheckDrawer({ check, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useRecordCheck();
  const [form] = Form.useForm<CheckValues>();
  const failing = !Form.useWatch((v: CheckValues) => passes(v ?? {}), form);

  async function submit(v: CheckValues) {
    onDone(await mutation.mutateAsync({ complaintId: check.complaint.id, version: check.version, body: checkBody(v) }));
  }

  return (
    <FormDrawer<CheckValues>
      open={open}
      form={form}
      title={t('improvement.check.record')}
      submitLabel={t('improvement.check.record')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ['evidence', ...QUESTIONS], outcome: { onConflict, onStale }, messages: { 412: t('improvement.check.stale') } }}
      name="effectiveness-check"
      width={520}
      initialValues={{ works: false, no_new_problem: false, prevents_recurrence: false, evidence: '' }}
      facts={[
        { key: 'complaint', label: t('improvement.check.complaint'), children: check.complaint.name },
        { key: 'due', label: t('improvement.check.dueOn'), children: formatDate(check.due_on, i18n.language) },
      ]}
      before={<p className="kehu-muted">{t('improvement.check.recordHint')}</p>}
      after={
        <Alert
          type={failing ? 'warning' : 'success'}
          showIcon
          data-testid="check-outcome"
          message={t(failing ? 'improvement.check.willFail' : 'improvement.check.willPass')}
        />
      }
    >
      {QUESTIONS.map((q) => (
        <Form.Item key={q} name={q} label={t(`improvement.question.${q}`)} valuePropName="checked" className="kehu-check-question">
          <Switch checkedChildren={t('improvement.yes')} unCheckedChildren={t('improvement.no')} />
        </Form.Item>
      ))}
      <Form.Item name="evidence" label={t('improvement.check.evidence')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
