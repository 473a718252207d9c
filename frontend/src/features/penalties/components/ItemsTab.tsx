import { PrinterOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, type TableProps } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../../components/LoadMore';
import { formatAmount } from '../../../lib/format';
import { useDepartments } from '../../reference/api/queries';
import {
  ITEM_ACTIONS,
  ITEM_STATE_FILTER,
  isWaiting,
  ordered,
  waitingCount,
  type ItemAction,
  type ItemCounts,
  type ItemFilters,
  type ItemState,
  type ItemView,
} from '../lib/penalties';
import { ItemStateTag, SanctionText } from './StateTags';

interface Props {
  runId: number;
  /** The pages loaded so far, as the server filtered them. */
  items: ItemView[];
  /** Over the items the caller may read with the department filter, whatever the state filter. */
  counts: ItemCounts;
  filters: ItemFilters;
  onFilters: (filters: ItemFilters) => void;
  /** The run's read: its next page. */
  list: ComponentProps<typeof LoadMore>['list'];
  /** Another filter's rows are on their way (the shown ones are the filter before's). */
  loading: boolean;
  /** The item whose confirm is running. */
  confirming: number | null;
  onAction: (item: ItemView, action: ItemAction) => void;
}

/**
 * 奖罚通知单: each responsible party's share of a closed case (and each late
 * fine), with the steps the server offers on it. The server filters by
 * department and state and sends a page at a time; the counts are its own.
 */
export function ItemsTab({ runId, items, counts, filters, onFilters, list, loading, confirming, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const departments = useDepartments();
  const waiting = waitingCount(counts);
  const filtered = filters.department_id !== undefined || filters.item_state !== undefined;
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
          showSearch
          optionFilterProp="label"
          value={filters.department_id}
          onChange={(department_id?: number) => onFilters({ ...filters, department_id })}
          placeholder={t('penalties.items.allDepartments')}
          aria-label={t('penalties.items.filter')}
          loading={departments.isPending}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          className="kehu-filters__state"
        />
        <Select
          allowClear
          value={filters.item_state}
          onChange={(item_state?: ItemState) => onFilters({ ...filters, item_state })}
          placeholder={t('penalties.items.allStates')}
          aria-label={t('penalties.items.stateFilter')}
          options={ITEM_STATE_FILTER.map((value) => ({ value, label: t(`penalties.itemState.${value}`) }))}
          className="kehu-filters__state"
        />
        <span role="status" className="kehu-penalty-items__counts">
          <span className="kehu-muted" data-testid="items-total">
            {t('penalties.items.total', { count: counts.total })}
          </span>
          <span className={waiting > 0 ? 'kehu-penalty-items__waiting' : 'kehu-muted'} data-testid="items-waiting">
            {waiting > 0 ? t('penalties.items.waiting', { count: waiting }) : t('penalties.items.noneWaiting')}
          </span>
        </span>
        {/* The filter's department, or the notice's own picker without one. */}
        <Link to={`/penalties/${runId}/notice/print${filters.department_id === undefined ? '' : `?department=${filters.department_id}`}`}>
          <Button icon={<PrinterOutlined />} tabIndex={-1}>
            {t('penalties.run.print.notice')}
          </Button>
        </Link>
      </div>
      <Table<ItemView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: anyActions ? 1190 : 1040 }}
        locale={{ emptyText: t(filtered ? 'penalties.items.emptyFiltered' : 'penalties.items.empty') }}
        rowClassName={(i) => (isWaiting(i) ? 'kehu-penalty-item--waiting' : '')}
      />
      <LoadMore list={list} count={items.length} />
    </>
  );
}
