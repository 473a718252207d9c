import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { lineAmount, linesTotal, MAX_LINES, type ReturnValues } from '../lib/form';

/** 退换货明细: items added and removed in place, each with its amount, and the total below. */
export function ReturnLinesEditor({ form }: { form: FormInstance<ReturnValues> }) {
  const { t, i18n } = useTranslation();
  const lines = Form.useWatch('lines', form) ?? [];
  const total = linesTotal(lines);
  const money = (value: string) => formatMoney(value, i18n.language);
  const required = { required: true, message: t('validation.required') };

  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_, value?: unknown[]) => {
            if (!value?.length) throw new Error(t('returns.form.needLine'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="kehu-lines">
          {fields.map((field, index) => {
            const legend = t('returns.field.line', { n: index + 1 });
            const amount = lineAmount(lines[field.name]);
            return (
              <fieldset key={field.key} className="kehu-line" aria-label={legend}>
                <legend className="kehu-line__legend">{legend}</legend>
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'product_number']} label={t('returns.field.productNumber')} rules={[{ ...required, whitespace: true }]}>
                      <Input maxLength={64} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'description']} label={t('returns.field.description')}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'quantity']} label={t('returns.field.quantity')} rules={[required]}>
                      <InputNumber className="kehu-full" min={1} precision={0} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'unit_price']}
                      label={t('returns.field.unitPrice')}
                      rules={[required, { pattern: MONEY_INPUT, message: t('validation.invalid_money') }]}
                    >
                      <Input prefix="¥" inputMode="decimal" placeholder="0.00" className="kehu-money-input" />
                    </Form.Item>
                  </Col>
                </Row>
                <div className="kehu-line__foot">
                  <span>
                    {t('returns.field.amount')}:{' '}
                    <output className="kehu-derived" data-testid={`line-amount-${index}`}>
                      {amount === null ? '—' : money(amount)}
                    </output>
                  </span>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1}>
                    {t('returns.form.removeLine', { n: index + 1 })}
                  </Button>
                </div>
              </fieldset>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div className="kehu-line__foot">
            <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= MAX_LINES}>
              {t('returns.form.addLine')}
            </Button>
            <span className="kehu-total">
              {t('returns.form.total')}{' '}
              <output className="kehu-sum" data-testid="lines-total" aria-live="polite">
                {money(total.total)}
              </output>
              {!total.complete && <span className="kehu-muted"> {t('returns.form.incomplete')}</span>}
            </span>
          </div>
        </div>
      )}
    </Form.List>
  );
}
