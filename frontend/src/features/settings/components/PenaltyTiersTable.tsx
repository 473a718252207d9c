import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Table, Typography, type FormListFieldData, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { MONEY_INPUT } from '../../complaints/lib/resolution';

type Sanction = Schemas['SanctionKind'];

/** One tier as the form holds it. */
export interface PenaltyTierDraft {
  up_to?: string | null;
  sanction?: Sanction;
  count?: number | null;
}

/** The sanctions, lightest first (the catalog words them as `penalty.<code>`). */
export const SANCTIONS = everyCode<Sanction>()(['self_criticism', 'warning', 'minor_demerit', 'major_demerit']);

/**
 * The tiers of 客诉罚则 as an editable table (inside the policy's form): the
 * burden's upper bound in CNY (the last tier has none: 以上), the sanction and
 * how many times it is given.
 */
export function PenaltyTiersTable() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  const sanctions = SANCTIONS.map((s) => ({ value: s, label: t(`penalty.${s}`) }));

  return (
    <Form.List
      name="tiers"
      rules={[
        {
          validator: async (_, value: PenaltyTierDraft[] | undefined) => {
            if (!value?.length) throw new Error(t('settings.penalty.needTier'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => {
        const last = fields.length - 1;
        const columns: TableProps<FormListFieldData>['columns'] = [
          { key: 'n', title: t('settings.penalty.tier'), width: 64, render: (_, _f, i) => i + 1 },
          {
            key: 'up_to',
            title: t('settings.penalty.upTo'),
            render: (_, field, i) =>
              i === last ? (
                <Typography.Text>{t('settings.penalty.above')}</Typography.Text>
              ) : (
                <Form.Item name={[field.name, 'up_to']} rules={[{ pattern: MONEY_INPUT, message: t('validation.invalid_money') }]} className="kehu-cell-item">
                  <Input prefix="¥" className="kehu-money-input" inputMode="decimal" aria-label={t('settings.penalty.upToN', { n: i + 1 })} />
                </Form.Item>
              ),
          },
          {
            key: 'sanction',
            title: t('settings.penalty.sanction'),
            width: 180,
            render: (_, field, i) => (
              <Form.Item name={[field.name, 'sanction']} rules={[required]} className="kehu-cell-item">
                <Select options={sanctions} aria-label={t('settings.penalty.sanctionN', { n: i + 1 })} className="kehu-full" />
              </Form.Item>
            ),
          },
          {
            key: 'count',
            title: t('settings.penalty.count'),
            width: 110,
            render: (_, field, i) => (
              <Form.Item name={[field.name, 'count']} rules={[required]} className="kehu-cell-item">
                <InputNumber min={1} max={9} precision={0} inputMode="numeric" className="kehu-full" aria-label={t('settings.penalty.countN', { n: i + 1 })} />
              </Form.Item>
            ),
          },
          {
            key: 'remove',
            title: <span className="kehu-visually-hidden">{t('settings.penalty.actions')}</span>,
            width: 56,
            render: (_, field, i) =>
              fields.length > 1 && (
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('settings.penalty.remove', { n: i + 1 })} />
              ),
          },
        ];
        return (
          <div className="kehu-gap">
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 560 }}
              className="kehu-penalty__tiers"
            />
            <Form.ErrorList errors={errors} />
            <div className="kehu-gap-top">
              {/* A new tier goes before the open-ended last one. */}
              <Button icon={<PlusOutlined />} onClick={() => add({ sanction: 'warning', count: 1 }, Math.max(0, last))}>
                {t('settings.penalty.add')}
              </Button>
            </div>
          </div>
        );
      }}
    </Form.List>
  );
}
