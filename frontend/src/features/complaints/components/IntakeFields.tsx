import { AutoComplete, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCustomerOptions } from '../../reference/api/queries';
import { CustomerSelect } from '../../reference/components/CustomerSelect';
import { CHANNELS, CUSTOMER_REQUESTS, defectRatePercent, MARKETS, type IntakeValues } from '../lib/intake';
import { MONEY_INPUT } from '../lib/resolution';

const FOUND_AT = ['incoming', 'production', 'final', 'field'] as const;

/** The fields of the complaint form (客户抱怨处理表), in the paper form's order. */
export function IntakeFields({ form }: { form: FormInstance<IntakeValues> }) {
  const { t } = useTranslation();
  const customers = useCustomerOptions();
  const shipped = Form.useWatch('quantity_shipped', form);
  const defective = Form.useWatch('defective_quantity', form);
  const hasSample = Form.useWatch('has_sample', form);
  const rate = defectRatePercent(shipped, defective);

  return (
    <>
      <Typography.Title level={2} className="kehu-form__section">
        {t('intake.sectionCustomer')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="customer_id" label={t('intake.customer')} rules={[{ required: true, message: t('validation.required') }]}>
            <CustomerSelect
              placeholder={t('intake.customerPlaceholder')}
              onChange={(id: number) => {
                const customer = customers.data?.find((c) => c.id === id);
                if (customer) form.setFieldValue('market', customer.market);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="market" label={t('complaint.market')}>
            <Radio.Group options={MARKETS.map((m) => ({ value: m, label: t(`market.${m}`) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="channel" label={t('intake.channel')}>
            <Select allowClear options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={2} className="kehu-form__section">
        {t('intake.sectionProduct')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="order_number" label={t('complaint.orderNumber')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="product_number" label={t('complaint.partNumber')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="product_spec" label={t('complaint.specification')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="ship_date" label={t('complaint.shipDate')}>
            <DatePicker className="kehu-full" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="quantity_shipped" label={t('complaint.quantityShipped')}>
            <InputNumber className="kehu-full" min={0} precision={0} addonAfter={t('intake.pcs')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="defective_quantity" label={t('complaint.defectiveQuantity')}>
            <InputNumber className="kehu-full" min={0} precision={0} addonAfter={t('intake.pcs')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('complaint.defectRate')}>
            <output className="kehu-derived" aria-live="polite" data-testid="defect-rate">
              {rate === null ? '—' : `${rate}%`}
            </output>
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={2} className="kehu-form__section">
        {t('intake.sectionProblem')}
      </Typography.Title>
      <Form.Item name="found_at" label={t('complaint.whereFound')}>
        <AutoComplete
          maxLength={200}
          options={FOUND_AT.map((f) => ({ value: t(`foundAt.${f}`) }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item name="description" label={t('intake.description')}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="requests" label={t('complaint.customerRequest')}>
        <Checkbox.Group options={CUSTOMER_REQUESTS.map((r) => ({ value: r, label: t(`request.${r}`) }))} />
      </Form.Item>
      <Form.Item name="request_quantity_undetermined" valuePropName="checked">
        <Checkbox>{t('complaint.quantityUndetermined')}</Checkbox>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="claim_amount"
            label={t('intake.claimAmount')}
            rules={[{ pattern: MONEY_INPUT, message: t('validation.invalid_money') }]}
          >
            <Input prefix="¥" inputMode="decimal" placeholder="0.00" className="kehu-money-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="has_sample" valuePropName="checked" label={t('intake.sample')}>
            <Checkbox
              onChange={(e) => {
                if (!e.target.checked) form.setFieldValue('sample_return_required', false);
              }}
            >
              {t('intake.hasSample')}
            </Checkbox>
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="sample_return_required" valuePropName="checked" label={t('intake.sampleReturnLabel')}>
            <Checkbox disabled={!hasSample}>{t('intake.sampleReturn')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
