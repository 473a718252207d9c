import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatAmount, formatDateTime } from '../../../lib/format';

type Row = Schemas['PayBasisView'];

interface Props {
  items: Row[];
  loading: boolean;
  /** HR only: the 编辑 button of each row. */
  onEdit?: (row: Row) => void;
}

/** The people with their basis; on a phone the table scrolls sideways, the account and name stay in view. */
export function PayBasisTable({ items, loading, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const unset = <Tag className="kehu-pay__unset">{t('pay.basis.unset')}</Tag>;
  const columns: TableProps<Row>['columns'] = [
    { key: 'username', title: t('pay.field.username'), dataIndex: 'username', width: 120, fixed: 'left' },
    { key: 'display_name', title: t('pay.field.display_name'), dataIndex: 'display_name', width: 100 },
    { key: 'department', title: t('pay.field.department'), dataIndex: 'department_name', width: 130 },
    { key: 'team', title: t('pay.field.team'), width: 120, render: (_, p) => p.team_name ?? '—' },
    {
      key: 'base_points',
      title: t('pay.field.base_points'),
      align: 'right',
      width: 90,
      render: (_, p) => (p.base_points ? <span className="kehu-amount">{p.base_points}</span> : unset),
    },
    {
      key: 'monthly_bonus',
      title: t('pay.field.monthly_bonus'),
      align: 'right',
      width: 130,
      render: (_, p) => (p.monthly_bonus ? <span className="kehu-amount">{formatAmount(p.monthly_bonus, locale)}</span> : '—'),
    },
    { key: 'updated_at', title: t('pay.field.updated_at'), width: 150, render: (_, p) => (p.updated_at ? formatDateTime(p.updated_at, locale) : '—') },
  ];
  if (onEdit) {
    columns.push({
      key: 'edit',
      title: <span className="kehu-visually-hidden">{t('pay.basis.actions')}</span>,
      width: 90,
      render: (_, p) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(p)} aria-label={t('pay.basis.editOf', { name: p.display_name })}>
          {t('pay.basis.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<Row>
      rowKey="user_id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: onEdit ? 930 : 840 }}
      locale={{ emptyText: t('pay.basis.empty') }}
      className="kehu-pay__table"
    />
  );
}
