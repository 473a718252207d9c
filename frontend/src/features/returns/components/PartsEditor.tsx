import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PARTS, type InspectionValues } from '../lib/service';

/** 部件清单表 being filled in: part, expected, present, each row's shortfall live; rows added and removed in place. */
export function PartsEditor({ form }: { form: FormInstance<InspectionValues> }) {
  const { t } = useTranslation();
  const parts = Form.useWatch('parts', form) ?? [];
  const required = { required: true, message: t('validation.required') };

  return (
    <Form.List name="parts">
      {(fields, { add, remove }, { errors }) => (
        <div className="kehu-lines">
          {fields.map((field, index) => {
            const legend = t('returns.inspection.partRow', { n: index + 1 });
            const row = parts[field.name];
            const missing = row?.expected != null && row.present != null ? row.expected - row.present : null;
            return (
              <fieldset key={field.key} className="kehu-line" aria-label={legend}>
                <legend className="kehu-line__legend">{legend}</legend>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'part']} label={t('returns.inspection.part')} rules={[{ ...required, whitespace: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'expected']} label={t('returns.inspection.expected')} rules={[required]}>
                      <InputNumber className="kehu-full" min={1} precision={0} inputMode="numeric" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'present']}
                      label={t('returns.inspection.present')}
                      dependencies={[['parts', field.name, 'expected']]}
                      rules={[
                        required,
                        ({ getFieldValue }) => ({
                          validator: async (_, value?: number | null) => {
                            const expected = getFieldValue(['parts', field.name, 'expected']) as number | null | undefined;
                            if (value != null && expected != null && value > expected) throw new Error(t('returns.inspection.presentOverExpected'));
                          },
                        }),
                      ]}
                    >
                      <InputNumber className="kehu-full" min={0} precision={0} inputMode="numeric" />
                    </Form.Item>
                  </Col>
                </Row>
                <div className="kehu-line__foot">
                  <span>
                    {t('returns.inspection.missing')}:{' '}
                    <output className={missing ? 'kehu-derived kehu-warning-text' : 'kehu-derived'} data-testid={`part-missing-${index}`}>
                      {missing === null || missing < 0 ? '—' : missing}
                    </output>
                  </span>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('returns.inspection.removePart', { n: index + 1 })}
                  </Button>
                </div>
              </fieldset>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= MAX_PARTS}>
            {t('returns.inspection.addPart')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
