import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { CONTAINMENT_MEASURES, TEAM_ROLES } from '../lib/report';
import { PersonSelect } from './PersonSelect';

type ListName = 'team' | 'containment' | 'actions';

/**
 * A section made of rows (D1 team, D3 containment, D5 actions): each row a
 * grid of fields that stacks on a phone, with its remove button, and an add
 * button below.
 */
function Rows({ name, blank, row }: { name: ListName; blank: object; row: (index: number) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <div key={field.key} className={`kehu-8d-row kehu-8d-row--${name}`} data-testid={`${name}-row`}>
              {row(field.name)}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('eightD.remove')} ${t('eightD.row', { n: field.name + 1 })}`}
                onClick={() => remove(field.name)}
                className="kehu-8d-row__remove"
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)} block>
            {t(`eightD.add.${name}`)}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function useRules() {
  const { t } = useTranslation();
  return [{ required: true, message: t('validation.required') }];
}

/** D1: who is on the team, and their part (问题处理小组). */
export function TeamFields({ known }: { known: Schemas['Ref'][] }) {
  const { t } = useTranslation();
  const required = useRules();
  return (
    <Rows
      name="team"
      blank={{ role: 'member' }}
      row={(i) => (
        <>
          <Form.Item name={[i, 'user_id']} label={t('eightD.field.user_id')} rules={required}>
            <PersonSelect known={known} />
          </Form.Item>
          <Form.Item name={[i, 'role']} label={t('eightD.field.role')} rules={required}>
            <Select options={TEAM_ROLES.map((r) => ({ value: r, label: t(`eightD.role.${r}`) }))} />
          </Form.Item>
        </>
      )}
    />
  );
}

/** D3: containment measures (临时措施 / 围堵措施) and when each was done. */
export function ContainmentFields() {
  const { t } = useTranslation();
  const required = useRules();
  return (
    <Rows
      name="containment"
      blank={{}}
      row={(i) => (
        <>
          <Form.Item name={[i, 'measure']} label={t('eightD.field.measure')} rules={required}>
            <Select options={CONTAINMENT_MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))} />
          </Form.Item>
          <Form.Item name={[i, 'description']} label={t('eightD.field.description')} className="kehu-8d-row__wide">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name={[i, 'done_on']} label={t('eightD.field.done_on')}>
            <DatePicker className="kehu-full" />
          </Form.Item>
        </>
      )}
    />
  );
}

/** D5: permanent actions, each with its owner, due day and (once done) completion day. */
export function ActionFields({ known }: { known: Schemas['Ref'][] }) {
  const { t } = useTranslation();
  const required = useRules();
  return (
    <Rows
      name="actions"
      blank={{}}
      row={(i) => (
        <>
          <Form.Item name={[i, 'action']} label={t('eightD.field.action')} className="kehu-8d-row__wide">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name={[i, 'owner_id']} label={t('eightD.field.owner_id')} rules={required}>
            <PersonSelect known={known} />
          </Form.Item>
          <Form.Item name={[i, 'due_on']} label={t('eightD.field.due_on')} rules={required}>
            <DatePicker className="kehu-full" />
          </Form.Item>
          <Form.Item name={[i, 'done_on']} label={t('eightD.field.done_on')}>
            <DatePicker className="kehu-full" />
          </Form.Item>
        </>
      )}
    />
  );
}
