import { Button, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAmount } from '../../../lib/format';
import { ITEM_ACTIONS, isWaiting, ordered, type ItemAction, type ItemView } from '../lib/penalties';
import { ItemStateTag, SanctionText } from './StateTags';

interface Props {
  items: ItemView[];
  /** The item whose confirm is running. */
  confirming: number | null;
  onAction: (item: ItemView, action: ItemAction) => void;
}

/** 奖罚通知单: each responsible party's share of a closed case (and each late fine), with the steps the server offers on it. */
export function ItemsTab({ items, confirming, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [department, setDepartment] = useState<number | undefined>();
  const departments = [...new Map(items.map((i) => [i.department_id, i.department_name])).entries()].map(([value, label]) => ({ value, label }));
  const shown = department === undefined ? items : items.filter((i) => i.department_id === department);
  const waiting = shown.filter(isWaiting).length;
  const money = (value: string) => <span className="kehu-amount">{formatAmount(value, locale)}</span>;
  const anyActions = items.some((i) => i.available_actions.length > 0);

  const columns: TableProps<ItemView>['columns'] = [
    {
      key: 'complaint',
      title: t('penalties.items.complaint'),
      width: 130,
      fixed: 'left',
      render: (_, i) => (
        <>
          <Link to={`/complaints/${i.complaint_id}`}>{i.complaint_number ?? `#${i.complaint_id}`}</Link>
          {i.kind === 'late_fine' && (
            <div>
              <Tag color="orange">{t('penalties.itemKind.late_fine')}</Tag>
            </div>
          )}
        </>
      ),
    },
    { key: 'department', title: t('penalties.items.department'), dataIndex: 'department_name', width: 110 },
    { key: 'party', title: t('penalties.items.party'), width: 110, render: (_, i) => i.person_name ?? i.team_name ?? '—' },
    {
      key: 'ratio',
      title: t('penalties.items.ratio'),
      align: 'right',
      width: 70,
      render: (_, i) => (i.kind === 'share' ? <span className="kehu-amount">{i.ratio_percent}%</span> : '—'),
    },
    { key: 'loss', title: t('penalties.items.loss'), align: 'right', width: 120, render: (_, i) => money(i.loss) },
    { key: 'burden', title: t('penalties.items.burden'), align: 'right', width: 120, render: (_, i) => money(i.burden) },
    { key: 'sanction', title: t('penalties.items.sanction'), width: 110, render: (_, i) => <SanctionText sanction={i.sanction} count={i.sanction_count} /> },
    {
      key: 'negligence',
      title: t('penalties.items.negligence'),
      width: 90,
      render: (_, i) => (i.negligence ? <Tag color="gold" title={t('penalties.items.negligenceHint')}>{t('penalties.items.negligenceTag')}</Tag> : null),
    },
    {
      key: 'state',
      title: t('penalties.items.state'),
      width: 180,
      render: (_, i) => (
        <>
          <ItemStateTag state={i.state} />
          {i.dispute_reason && <div className="kehu-penalty-item__note">{t('penalties.items.disputeReason', { text: i.dispute_reason })}</div>}
          {i.decision && <div className="kehu-penalty-item__note">{t('penalties.items.decision', { text: i.decision })}</div>}
          {i.deferred_to && <div className="kehu-penalty-item__note">{t('penalties.items.deferredTo', { month: i.deferred_to })}</div>}
        </>
      ),
    },
  ];
  if (anyActions) {
    columns.push({
      key: 'actions',
      title: <span className="kehu-visually-hidden">{t('penalties.items.actions')}</span>,
      width: 150,
      render: (_, i) => (
        <Space wrap size={[4, 4]}>
          {ordered(i.available_actions, ITEM_ACTIONS).map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'confirm' ? 'primary' : 'default'}
              danger={action === 'dispute'}
              loading={action === 'confirm' && confirming === i.id}
              onClick={() => onAction(i, action)}
              data-action={action}
              data-item={i.id}
            >
              {t(`penalties.itemAction.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    });
  }

  return (
    <>
      <div className="kehu-penalty-items__bar">
        <Select
          allowClear
          value={department}
          onChange={(value?: number) => setDepartment(value)}
          placeholder={t('penalties.items.allDepartments')}
          aria-label={t('penalties.items.filter')}
          options={departments}
          className="kehu-filters__state"
        />
        <span role="status" className={waiting > 0 ? 'kehu-penalty-items__waiting' : 'kehu-muted'} data-testid="items-waiting">
          {waiting > 0 ? t('penalties.items.waiting', { count: waiting }) : t('penalties.items.noneWaiting')}
        </span>
      </div>
      <Table<ItemView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: anyActions ? 1190 : 1040 }}
        locale={{ emptyText: t('penalties.items.empty') }}
        rowClassName={(i) => (isWaiting(i) ? 'kehu-penalty-item--waiting' : '')}
      />
    </>
  );
}
