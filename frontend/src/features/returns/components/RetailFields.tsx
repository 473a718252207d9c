import { Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

/**
 * 零售退换货规则: the consumer's facts in place of the grounds A–D. The
 * periods are the company's, so the server judges them at submit (and the
 * application page lists what it refuses); a draft saves whatever they say.
 */
export function RetailFields() {
  const { t } = useTranslation();
  const future = (d: Dayjs) => d.isAfter(dayjs().endOf('day'));
  return (
    <div data-testid="retail-fields">
      <p className="kehu-muted">{t('returns.retail.hint')}</p>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['retail', 'purchased_on']} label={t('returns.retail.purchasedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker className="kehu-full" disabledDate={future} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['retail', 'invoice_number']} label={t('returns.retail.invoiceNumber')} extra={t('returns.retail.invoiceHint')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['retail', 'shelf_life_until']} label={t('returns.retail.shelfLifeUntil')} extra={t('returns.retail.shelfLifeHint')}>
            <DatePicker className="kehu-full" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['retail', 'invoice_matches']} valuePropName="checked" className="kehu-retail-check">
        <Checkbox>{t('returns.retail.invoiceMatches')}</Checkbox>
      </Form.Item>
      <Form.Item name={['retail', 'unopened']} valuePropName="checked" className="kehu-retail-check">
        <Checkbox>{t('returns.retail.unopened')}</Checkbox>
      </Form.Item>
      <Form.Item name={['retail', 'defective']} valuePropName="checked" extra={t('returns.retail.defectiveHint')}>
        <Checkbox>{t('returns.retail.defective')}</Checkbox>
      </Form.Item>
    </div>
  );
}
