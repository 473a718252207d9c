import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDateTime, formatMoney } from '../../../lib/format';

type Request = Schemas['CustomerRequestView'];

const STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

export function RequestStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`care.request.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** What a request asks for, in one line: "AA · ¥500,000.00 · 30 天" or 注销. */
export function useRequestSummary() {
  const { t, i18n } = useTranslation();
  return (r: Request) => {
    if (r.kind === 'deregister') return t('care.request.kinds.deregister');
    const parts = [
      r.credit_grade ?? null,
      r.credit_limit ? formatMoney(r.credit_limit, i18n.language) : null,
      r.payment_term_days != null ? (r.payment_term_days > 0 ? t('customers.days', { count: r.payment_term_days }) : t('customers.prepaid')) : null,
    ].filter(Boolean);
    return parts.join(' · ') || '—';
  };
}

interface Props {
  requests: Request[];
  loading: boolean;
  /** The 审批 page: with the customer and the decide buttons. */
  onDecide?: (r: Request, approve: boolean) => void;
}

export function RequestTable({ requests, loading, onDecide }: Props) {
  const { t, i18n } = useTranslation();
  const summary = useRequestSummary();
  return (
    <Table<Request>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={requests}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t(onDecide ? 'care.request.noneToDecide' : 'care.request.none') }}
      columns={[
        ...(onDecide
          ? [{ key: 'customer', title: t('customers.name'), render: (_: unknown, r: Request) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> }]
          : []),
        { key: 'kind', title: t('care.request.kind'), render: (_, r) => t(`care.request.kinds.${r.kind}`, { defaultValue: r.kind }) },
        { key: 'what', title: t('care.request.what'), render: (_, r) => summary(r) },
        { key: 'reason', title: t('drawer.reason'), render: (_, r) => <span className="kehu-prose">{r.reason}</span> },
        { key: 'by', title: t('care.request.by'), render: (_, r) => `${r.requested_by.name} · ${formatDateTime(r.created_at, i18n.language)}` },
        {
          key: 'status',
          title: t('customers.status'),
          render: (_, r) => (
            <>
              <RequestStatusTag status={r.status} />
              {r.decided_by && <span className="kehu-muted">{r.decided_by.name}</span>}
              {r.decision_reason && <div className="kehu-prose kehu-muted">{r.decision_reason}</div>}
            </>
          ),
        },
        ...(onDecide
          ? [
              {
                key: 'decide',
                title: t('detail.actions'),
                render: (_: unknown, r: Request) =>
                  r.can_decide && (
                    <Space wrap>
                      <Button type="primary" size="small" onClick={() => onDecide(r, true)}>
                        {t('care.request.approve')}
                      </Button>
                      <Button danger size="small" onClick={() => onDecide(r, false)}>
                        {t('care.request.refuse')}
                      </Button>
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
