import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useInspectReturn } from '../api/mutations';
import { CONDITIONS, INSPECTION_FIELDS, inspectionBody, type InspectionValues } from '../lib/service';
import { PartsEditor } from './PartsEditor';

interface Props extends ActionOutcome {
  application: Schemas['ReturnView'];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/**
 * 现场检验: function and appearance (a defect described), the parts list
 * with what is missing, and the customer's signature; sent once, with If-Match.
 */
export function InspectionDrawer({ application: r, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useInspectReturn();
  const [form] = Form.useForm<InspectionValues>();
  const label = t('returns.inspection.title');
  const required = { required: true, message: t('validation.required') };

  async function submit(values: InspectionValues) {
    await mutation.mutateAsync({ id: r.id, version: r.version, body: inspectionBody(values) });
    onDone();
  }

  return (
    <FormDrawer<InspectionValues>
      open={open}
      title={label}
      submitLabel={label}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      form={form}
      initialValues={{ parts: [{}], signed_on: dayjs() }}
      scrollToFirstError
      failure={{
        fields: INSPECTION_FIELDS,
        outcome: { onConflict, onStale },
        messages: { 412: t('returns.detail.stale') },
      }}
      name="inspection"
      width={640}
      facts={[
        { key: 'number', label: t('returns.field.number'), children: r.number },
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
      ]}
      before={<p className="kehu-muted">{t('returns.inspection.onceHint')}</p>}
    >
      <ConditionFields aspect="function" />
      <ConditionFields aspect="appearance" />
      <Typography.Title level={3} className="kehu-form__section">
        {t('returns.inspection.parts')}
      </Typography.Title>
      <PartsEditor form={form} />
      <Form.Item name="signed_by" label={t('returns.inspection.signedBy')} extra={t('returns.inspection.signHint')} rules={[{ ...required, whitespace: true }]} className="kehu-gap-top">
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="signed_on" label={t('returns.inspection.signedOn')} rules={[required]}>
        <DatePicker className="kehu-full" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
      </Form.Item>
    </FormDrawer>
  );
}

/** 良好 / 不良, and the note, required when defective. */
function ConditionFields({ aspect }: { aspect: 'function' | 'appearance' }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<InspectionValues>();
  const condition = Form.useWatch(aspect, form);
  const defective = condition === 'defective';
  const title = t(`returns.inspection.${aspect}`);
  return (
    <>
      <Form.Item name={aspect} label={title} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group aria-label={title} options={CONDITIONS.map((c) => ({ value: c, label: t(`returns.inspection.condition.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name={`${aspect}_note`}
        label={t(`returns.inspection.${aspect}Note`)}
        extra={t('returns.inspection.noteHint')}
        dependencies={[aspect]}
        rules={[{ required: defective, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}
