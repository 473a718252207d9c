import { Button, Card, List, Space, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

type Request = Schemas['AccessRequestView'];

const COLORS: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error', expired: 'default' };

/** 待审批 / 已批准 (with its end) / 未批准 / 已过期 */
export function AccessStatus({ request: r }: { request: Request }) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Tag color={COLORS[r.status] ?? 'default'}>{t(`customers.access.statuses.${r.status}`, { defaultValue: r.status })}</Tag>
      {r.status === 'approved' && r.valid_until && (
        <span className="kehu-muted">{t('customers.access.validUntil', { time: formatDateTime(r.valid_until, i18n.language) })}</span>
      )}
    </Space>
  );
}

interface Props {
  items: Request[];
  loading: boolean;
  phone: boolean;
  /** The approver's box: requester shown, decision buttons. */
  deciding?: boolean;
  onDecide?: (request: Request, approve: boolean) => void;
}

/** Access requests as a table (desktop) or cards (phone). */
export function AccessTable({ items, loading, phone, deciding = false, onDecide }: Props) {
  const { t, i18n } = useTranslation();
  const time = (v?: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const customer = (r: Request) =>
    r.status === 'approved' ? (
      <Link to={`/customers/${r.customer.id}`}>
        {r.customer_code} {r.customer.name}
      </Link>
    ) : (
      `${r.customer_code} ${r.customer.name}`
    );
  const decision = (r: Request) =>
    r.decided_by ? (
      <>
        {t('customers.byAt', { name: r.decided_by.name, time: time(r.decided_at) })}
        {r.decision_reason && <div className="kehu-prose kehu-muted">{r.decision_reason}</div>}
      </>
    ) : (
      t('customers.access.waitingFor', { role: t(`role.${r.approver_role}`, { defaultValue: r.approver_role }) })
    );
  const buttons = (r: Request) =>
    r.can_decide &&
    onDecide && (
      <Space wrap>
        <Button type="primary" size="small" data-action="approve" onClick={() => onDecide(r, true)}>
          {t('customers.access.approve')}
        </Button>
        <Button danger size="small" data-action="refuse" onClick={() => onDecide(r, false)}>
          {t('customers.access.refuse')}
        </Button>
      </Space>
    );

  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        rowKey="id"
        className="kehu-cards"
        renderItem={(r) => (
          <List.Item>
            <Card size="small" className="kehu-card">
              <div className="kehu-card__row">
                <strong>{customer(r)}</strong>
                <AccessStatus request={r} />
              </div>
              {deciding && <div>{r.requester.name}</div>}
              <div className="kehu-prose">{r.reason}</div>
              <div className="kehu-card__meta">{decision(r)}</div>
              {buttons(r)}
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<Request>['columns'] = [
    { key: 'customer', title: t('customers.access.customer'), render: (_, r) => customer(r) },
    ...(deciding ? [{ key: 'requester', title: t('customers.access.requester'), render: (_: unknown, r: Request) => r.requester.name, width: 110 }] : []),
    { key: 'reason', title: t('customers.access.reason'), render: (_, r) => <span className="kehu-prose">{r.reason}</span> },
    { key: 'created', title: t('customers.access.createdAt'), render: (_, r) => time(r.created_at), width: 150 },
    { key: 'status', title: t('customers.status'), render: (_, r) => <AccessStatus request={r} />, width: 170 },
    deciding
      ? { key: 'actions', title: t('settings.actions'), render: (_, r) => buttons(r), width: 180 }
      : { key: 'decision', title: t('customers.access.decision'), render: (_, r) => decision(r) },
  ];
  return (
    <Table<Request>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: t(deciding ? 'customers.access.emptyToDecide' : 'customers.access.emptyMine') }}
    />
  );
}
