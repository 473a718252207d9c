import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

const MAX_CONTACTS = 20;

/** 联系人: a list of rows (name required), added and removed in place. */
export function ContactsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }, { errors }) => (
        <div className="kehu-contacts">
          {fields.map((field, index) => {
            const legend = t('customers.contacts.n', { n: index + 1 });
            return (
              <fieldset key={field.key} className="kehu-line" aria-label={legend}>
                <legend className="kehu-line__legend">{legend}</legend>
                <Row gutter={12}>
                  <Col xs={24} sm={12} md={6}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('customers.contacts.name')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} md={6}>
                    <Form.Item name={[field.name, 'title']} label={t('customers.contacts.title')}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'phone']} label={t('customers.contacts.phone')}>
                      <Input maxLength={50} inputMode="tel" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'mobile']} label={t('customers.contacts.mobile')}>
                      <Input maxLength={50} inputMode="tel" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'email']}
                      label={t('customers.contacts.email')}
                      rules={[{ type: 'email', message: t('validation.format') }]}
                    >
                      <Input maxLength={200} inputMode="email" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} className="kehu-contacts__remove">
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('customers.contacts.remove', { n: index + 1 })}
                    </Button>
                  </Col>
                </Row>
              </fieldset>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= MAX_CONTACTS}>
            {t('customers.contacts.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
