import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../../reference/api/queries';
import { ratioSum, type ActionFormValues } from '../../lib/actions';
import { TextField } from './SimpleForms';

type Units = ActionFormValues['responsible'];

/** conclude_investigation: verified?, cause, findings, responsible units with ratios (and the supplier behind each, if any). */
export function ConcludeFields() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const units: Units = Form.useWatch('responsible');
  const sum = ratioSum(units);
  const options = (departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const chosen = options.filter((o) => (units ?? []).some((u) => u?.department_id === o.value));
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <>
      <Form.Item name="defect_verified" label={t('investigation.defectVerified')} rules={required}>
        <Radio.Group>
          <Radio value={true}>{t('common.yes')}</Radio>
          <Radio value={false}>{t('common.no')}</Radio>
        </Radio.Group>
      </Form.Item>
      <TextField name="cause" label={t('investigation.cause')} required />
      <TextField name="findings" label={t('investigation.findings')} />

      <Typography.Title level={3} className="kehu-form__section">
        {t('complaint.responsibility')}
      </Typography.Title>
      <Form.List
        name="responsible"
        rules={[
          {
            validator: async (_, value: Units) => {
              if (!value?.length) throw new Error(t('investigation.needUnit'));
              if (ratioSum(value) !== 100) throw new Error(t('investigation.ratioSum', { sum: ratioSum(value) }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="kehu-units">
            {fields.map((field, index) => (
              <fieldset key={field.key} className="kehu-unit" aria-label={t('investigation.unitN', { n: index + 1 })}>
                <Form.Item name={[field.name, 'department_id']} label={t('investigation.department')} rules={required}>
                  <Select showSearch optionFilterProp="label" options={options} loading={departments.isPending} />
                </Form.Item>
                <Form.Item name={[field.name, 'team']} label={t('investigation.team')}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'supplier']} label={t('investigation.supplier')} extra={t('investigation.supplierHint')}>
                  <Input maxLength={100} placeholder={t('investigation.supplierPlaceholder')} />
                </Form.Item>
                <Form.Item name={[field.name, 'ratio_percent']} label={t('complaint.responsibilityRatio')} rules={required}>
                  <InputNumber min={1} max={100} precision={0} addonAfter="%" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('investigation.removeUnit', { n: index + 1 })}
                    className="kehu-unit__remove"
                  />
                )}
              </fieldset>
            ))}
            <div className="kehu-units__foot">
              <Button icon={<PlusOutlined />} onClick={() => add({ ratio_percent: Math.max(1, 100 - sum) })}>
                {t('investigation.addUnit')}
              </Button>
              <span className={sum === 100 ? 'kehu-sum' : 'kehu-sum kehu-sum--off'} aria-live="polite">
                {t('investigation.ratioTotal', { sum })}
              </span>
            </div>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>

      <Form.Item name="countermeasure_department_id" label={t('investigation.countermeasureUnit')} extra={t('investigation.countermeasureUnitHint')}>
        <Select allowClear options={chosen} />
      </Form.Item>
      <Form.Item name="engineering_needed" valuePropName="checked">
        <Checkbox>{t('investigation.engineeringNeeded')}</Checkbox>
      </Form.Item>
    </>
  );
}
