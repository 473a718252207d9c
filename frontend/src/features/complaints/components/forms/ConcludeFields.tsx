import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Typography, type FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartmentUsers, useDepartments, useTeams } from '../../../reference/api/queries';
import { ratioSum, type ActionFormValues } from '../../lib/actions';
import { TextField } from './SimpleForms';

type Units = ActionFormValues['responsible'];
type Option = { value: number; label: string };

interface UnitProps {
  field: FormListFieldData;
  index: number;
  departments: Option[];
  loading: boolean;
  /** Given when the unit may be removed (more than one). */
  onRemove?: () => void;
}

/**
 * One responsible unit: its department, then the team (班组, by name as the
 * server keeps it) and the person of that department, both optional and
 * cleared when the department changes; the supplier behind it; its ratio.
 */
function UnitFields({ field, index, departments, loading, onRemove }: UnitProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const departmentId: number | undefined = Form.useWatch(['responsible', field.name, 'department_id'], form);
  const teams = useTeams(departmentId ?? null, departmentId !== undefined);
  const people = useDepartmentUsers(departmentId);
  const chosen = departmentId !== undefined;
  const teamOptions = (teams.data ?? []).filter((team) => team.active).map((team) => ({ value: team.name, label: team.name }));
  const personOptions = (people.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }));
  const required = [{ required: true, message: t('validation.required') }];
  const unit = (name: string) => ['responsible', field.name, name];

  return (
    <fieldset className="kehu-unit" aria-label={t('investigation.unitN', { n: index + 1 })}>
      <Form.Item name={[field.name, 'department_id']} label={t('investigation.department')} rules={required}>
        <Select
          showSearch
          optionFilterProp="label"
          options={departments}
          loading={loading}
          onChange={() => form.setFields([{ name: unit('team'), value: undefined, errors: [] }, { name: unit('person_id'), value: undefined, errors: [] }])}
        />
      </Form.Item>
      <Form.Item name={[field.name, 'team']} label={t('investigation.team')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={teamOptions}
          disabled={!chosen}
          loading={chosen && teams.isPending}
          placeholder={chosen ? undefined : t('investigation.departmentFirst')}
          notFoundContent={chosen && !teams.isPending ? t('investigation.noTeams') : undefined}
        />
      </Form.Item>
      <Form.Item name={[field.name, 'person_id']} label={t('investigation.person')} extra={t('investigation.personHint')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={personOptions}
          disabled={!chosen}
          loading={chosen && people.isPending}
          placeholder={chosen ? undefined : t('investigation.departmentFirst')}
        />
      </Form.Item>
      <Form.Item name={[field.name, 'supplier']} label={t('investigation.supplier')} extra={t('investigation.supplierHint')}>
        <Input maxLength={100} placeholder={t('investigation.supplierPlaceholder')} />
      </Form.Item>
      <Form.Item name={[field.name, 'ratio_percent']} label={t('complaint.responsibilityRatio')} rules={required}>
        <InputNumber min={1} max={100} precision={0} addonAfter="%" />
      </Form.Item>
      {onRemove && (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('investigation.removeUnit', { n: index + 1 })}
          className="kehu-unit__remove"
        />
      )}
    </fieldset>
  );
}

/** conclude_investigation: verified?, cause, findings, responsible units with ratios (the team, person and supplier behind each, if any). */
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
              <UnitFields
                key={field.key}
                field={field}
                index={index}
                departments={options}
                loading={departments.isPending}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              />
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
