import { Form, Input, Radio, Switch } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useSaveMarks } from '../api/mutations';
import { initialMarks, marksBody, reasonField, type MarksValues } from '../lib/marks';

interface Props {
  view: Schemas['MarksView'];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  /** 409: the case closed or moved on; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  onStale: ActionOutcome['onStale'];
}

/**
 * 编辑标记: a switch and a reason for each mark the caller may change (人为疏忽
 * for QA, the QA manager and the coordinator; 非理性抱怨 for the coordinator).
 * The other mark goes back to the server unchanged.
 */
export function MarksDrawer({ view, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useSaveMarks();
  const [form] = Form.useForm<MarksValues>();
  const negligenceOn = Form.useWatch(['human_negligence', 'on'], form);
  const irrationalOn = Form.useWatch(['irrational', 'on'], form);
  // A 422 names a bare `reason`: the mark this save set or changed.
  const reason = useRef('human_negligence.reason');
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

  async function submit(values: MarksValues) {
    const body = marksBody(view, values);
    reason.current = reasonField(view, body);
    await mutation.mutateAsync({ complaintId: view.complaint_id, version: view.version, body });
    onDone();
  }

  return (
    <FormDrawer<MarksValues>
      open={open}
      form={form}
      title={t('improvement.marks.edit')}
      submitLabel={t('improvement.marks.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{
        fields: ['human_negligence', 'irrational'],
        fieldName: (f) => (f === 'reason' ? reason.current : f),
        outcome: { onConflict, onStale },
        messages: { 412: t('improvement.marks.stale') },
      }}
      name="case-marks"
      width={480}
      initialValues={initialMarks(view)}
    >
      {view.can_mark_negligence && (
        <div className="kehu-mark-field">
          <Form.Item name={['human_negligence', 'on']} label={t('improvement.negligence.label')} valuePropName="checked" extra={t('improvement.negligence.hint')}>
            <Switch checkedChildren={t('improvement.yes')} unCheckedChildren={t('improvement.no')} />
          </Form.Item>
          {negligenceOn && (
            <Form.Item name={['human_negligence', 'reason']} label={t('improvement.negligence.reason')} rules={required}>
              <Input.TextArea rows={3} maxLength={4000} showCount />
            </Form.Item>
          )}
        </div>
      )}
      {view.can_mark_irrational && (
        <div className="kehu-mark-field">
          <Form.Item name={['irrational', 'on']} label={t('improvement.irrational.label')} valuePropName="checked" extra={t('improvement.irrational.hint')}>
            <Switch checkedChildren={t('improvement.yes')} unCheckedChildren={t('improvement.no')} />
          </Form.Item>
          {irrationalOn && (
            <>
              <Form.Item name={['irrational', 'follow']} label={t('improvement.irrational.followLabel')} rules={[{ required: true, message: t('validation.required') }]}>
                <Radio.Group optionType="button" options={(['watch', 'monitor'] as const).map((f) => ({ value: f, label: t(`improvement.follow.${f}`) }))} />
              </Form.Item>
              <Form.Item name={['irrational', 'reason']} label={t('improvement.irrational.reason')} rules={required}>
                <Input.TextArea rows={3} maxLength={4000} showCount />
              </Form.Item>
            </>
          )}
        </div>
      )}
    </FormDrawer>
  );
}
