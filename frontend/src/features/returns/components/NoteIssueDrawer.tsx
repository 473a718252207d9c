import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useIssueNote } from '../api/mutations';
import { initialNoteValues, NOTE_FIELDS, noteFieldName, noteInput, type NoteValues } from '../lib/note';

type ReturnView = Schemas['ReturnView'];

interface Props extends ActionOutcome {
  application: ReturnView;
  open: boolean;
  onClose: () => void;
  onDone: (saved: ReturnView) => void;
}

/**
 * 开立成品退货单: 退货原因 (the application's), 处理方式, 退回依据 (the
 * application and its complaint), and the order's 超量允收比率 in percent
 * (sent in basis points; empty, the company's applies). Sent once, with If-Match.
 */
export function NoteIssueDrawer({ application: r, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useIssueNote();
  const label = t('returns.note.issue');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  async function submit(values: NoteValues) {
    const saved = await mutation.mutateAsync({ id: r.id, version: r.version, body: noteInput(values) });
    onDone(saved);
  }

  return (
    <FormDrawer<NoteValues>
      open={open}
      title={label}
      submitLabel={label}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={initialNoteValues(r, t)}
      failure={{
        fields: NOTE_FIELDS,
        fieldName: noteFieldName,
        // Not the form's: the application is not ready yet (the page shows what it waits for).
        fieldLabel: (field) =>
          field === 'inspection' ? t('returns.inspection.title') : field === 'originals' ? t('returns.originals.title') : field,
        outcome: { onConflict, onStale },
        messages: { 412: t('returns.detail.stale') },
      }}
      name="return-note"
      width={560}
      facts={[
        { key: 'number', label: t('returns.field.number'), children: r.number },
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
        ...(r.order_number ? [{ key: 'order', label: t('returns.field.orderNumber'), children: r.order_number }] : []),
      ]}
      before={<p className="kehu-muted">{t('returns.note.issueHint')}</p>}
    >
      <Form.Item name="reason" label={t('returns.note.reason')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="handling" label={t('returns.note.handling')} extra={t('returns.note.handlingHint')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="basis" label={t('returns.note.basis')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="tolerance_pct" label={t('returns.note.tolerancePercent')} extra={t('returns.note.toleranceHint')}>
        <InputNumber className="kehu-full" min={0} max={100} precision={2} step={0.5} inputMode="decimal" addonAfter="%" />
      </Form.Item>
    </FormDrawer>
  );
}
