import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../../api/types';
import { everyCode } from '../../../../lib/codes';
import type { FormKind } from '../../lib/actions';
import { KINDS, SEVERITIES } from '../../lib/filters';

export const NON_QUALITY_CAUSES = everyCode<Schemas['NonQualityCause']>()([
  'wrong_documents',
  'financial_error',
  'material_not_per_spec',
  'rejects_mixed_into_stock',
  'over_delivery',
  'order_entry_error',
  'late_delivery',
  'wrong_shipment',
  'wrong_delivery_note',
  'storage_or_transport_damage',
  'label_mismatch',
  'inspection_data_mismatch',
  'other',
]);
export const CONTAINMENT_MEASURES = everyCode<Schemas['ContainmentMeasure']>()([
  'recall',
  'reinspection',
  'stop_production',
  'quarantine',
  'process_change',
  'send_engineer',
  'other',
]);
/** What the coordinator can name as missing when returning a case to sales. */
export const MISSING_ITEMS = everyCode<Schemas['IntakeField']>()([
  'customer_id',
  'order_number',
  'product_number',
  'product_spec',
  'ship_date',
  'quantity_shipped',
  'defective_quantity',
  'found_at',
  'description',
  'requests',
  'claim_amount',
  'channel',
  'has_sample',
  'attachments',
]);
// Not checked against the schema: the server takes the method as free text (InvalidNoticeBody.method: string).
const NOTICE_METHODS = ['letter', 'mail', 'visit', 'phone'] as const;

function useRequired() {
  const { t } = useTranslation();
  return [{ required: true, whitespace: true, message: t('validation.required') }];
}

/** A long text field, required or not. */
export function TextField({ name, label, required = false, rows = 3 }: { name: string; label: string; required?: boolean; rows?: number }) {
  const rules = useRequired();
  return (
    <Form.Item name={name} label={label} rules={required ? rules : undefined}>
      <Input.TextArea rows={rows} maxLength={4000} showCount />
    </Form.Item>
  );
}

function RegisterFields() {
  const { t } = useTranslation();
  const rules = useRequired();
  const kind = Form.useWatch('kind');
  return (
    <>
      <Form.Item name="severity" label={t('complaints.severity')} rules={rules}>
        <Radio.Group options={SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('complaints.kind')} rules={rules}>
        <Radio.Group options={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
      </Form.Item>
      {kind === 'non_quality' && (
        <Form.Item name="non_quality_cause" label={t('register.cause')} rules={rules}>
          <Select options={NON_QUALITY_CAUSES.map((v) => ({ value: v, label: t(`nonQualityCause.${v}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="is_major" valuePropName="checked" extra={t('register.majorHint')}>
        <Checkbox>{t('complaint.major')}</Checkbox>
      </Form.Item>
      <Form.Item name="eight_d_requested" valuePropName="checked" extra={t('register.eightDHint')}>
        <Checkbox>{t('register.eightDRequested')}</Checkbox>
      </Form.Item>
      <TextField name="note" label={t('drawer.note')} />
    </>
  );
}

function ContainmentFields() {
  const { t } = useTranslation();
  const rules = useRequired();
  return (
    <>
      <Form.Item name="measures" label={t('containment.measures')} rules={[{ required: true, message: t('validation.required') }]}>
        <Checkbox.Group options={CONTAINMENT_MEASURES.map((v) => ({ value: v, label: t(`measure.${v}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('containment.description')} rules={rules}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="taken_at" label={t('containment.takenAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
    </>
  );
}

function OutcomeFields() {
  const { t } = useTranslation();
  const accepted = Form.useWatch('accepted');
  return (
    <>
      <Form.Item name="accepted" label={t('outcome.answer')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group>
          <Radio value={true}>{t('outcome.accepted')}</Radio>
          <Radio value={false}>{t('outcome.notAccepted')}</Radio>
        </Radio.Group>
      </Form.Item>
      {accepted === false && <p className="kehu-warning-text">{t('outcome.notAcceptedHint')}</p>}
      <Form.Item name="answered_on" label={t('outcome.answeredOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
      </Form.Item>
      <TextField name="remarks" label={t('drawer.remarks')} />
    </>
  );
}

function InvalidNoticeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="method" label={t('invalidNotice.method')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group options={NOTICE_METHODS.map((v) => ({ value: v, label: t(`noticeMethod.${v}`) }))} />
      </Form.Item>
      <Form.Item name="informed_on" label={t('invalidNotice.informedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
      </Form.Item>
      <TextField name="remarks" label={t('drawer.remarks')} />
    </>
  );
}

function ReturnToSalesFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="reason" label={t('drawer.reason')} required />
      <Form.Item name="missing_items" label={t('returnToSales.missing')}>
        <Select mode="multiple" allowClear options={MISSING_ITEMS.map((v) => ({ value: v, label: t(`fieldName.${v}`) }))} />
      </Form.Item>
    </>
  );
}

/** Fields of the forms that are plain texts and choices; null for the others. */
export function SimpleFields({ kind }: { kind: FormKind }) {
  const { t } = useTranslation();
  switch (kind) {
    case 'note':
      return <TextField name="note" label={t('drawer.note')} />;
    case 'reason':
      return <TextField name="reason" label={t('drawer.reason')} required />;
    case 'remarks':
      return <TextField name="remarks" label={t('drawer.remarks')} />;
    case 'opinion':
      return <TextField name="opinion" label={t('drawer.engineeringOpinion')} required rows={5} />;
    case 'approve':
      return <TextField name="comment" label={t('drawer.comment')} />;
    case 'countermeasure':
      return (
        <>
          <TextField name="cause_analysis" label={t('countermeasure.causeAnalysis')} required />
          <TextField name="containment" label={t('complaint.containment')} required />
          <TextField name="permanent_actions" label={t('complaint.permanentAction')} required />
        </>
      );
    case 'register':
      return <RegisterFields />;
    case 'containment':
      return <ContainmentFields />;
    case 'outcome':
      return <OutcomeFields />;
    case 'invalidNotice':
      return <InvalidNoticeFields />;
    case 'returnToSales':
      return <ReturnToSalesFields />;
    default:
      return null;
  }
}
