import { Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../../api/types';
import { isSales } from '../../../../lib/roles';
import { useSession } from '../../../auth/hooks/useSession';
import { RETURNABLE_KINDS, resolutionApproved } from '../../lib/resolution';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../../../lib/format';
import { Fields, Prose } from './CaseSection';
import { asObject, bool, str } from './json';

type Complaint = Schemas['ComplaintView'];
type Line = Schemas['ResolutionLineView'];
type Money = Schemas['MoneyView'] | null | undefined;

/** Resolution lines: settlement and loss per line, totals at the foot. */
export function ResolutionBody({ complaint: c }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (m: Money) => (m ? formatMoney(m.amount, locale, m.currency) : '—');
  const { user } = useSession();
  const r = c.resolution;
  // Sales may ask for the goods of an approved line to come back (客户退换货申请单).
  const canApply = isSales(user?.roles) && resolutionApproved(c);
  if (r.lines.length === 0) return <span className="kehu-muted">{t('detail.noLines')}</span>;

  const columns: TableProps<Line>['columns'] = [
    { key: 'kind', title: t('resolution.kind'), render: (_, l) => t(`resolution.${l.kind}`, { defaultValue: l.kind }) },
    { key: 'quantity', title: t('resolution.quantity'), align: 'right', render: (_, l) => (l.quantity ? formatQuantity(l.quantity, locale) : '—') },
    { key: 'unit_price', title: t('resolution.unitPrice'), align: 'right', render: (_, l) => money(l.unit_price) },
    { key: 'amount', title: t('resolution.amount'), align: 'right', render: (_, l) => money(l.amount) },
    { key: 'transport', title: t('resolution.transportCost'), align: 'right', render: (_, l) => money(l.transport_cost) },
    { key: 'settlement', title: t('complaint.settlementAmount'), align: 'right', render: (_, l) => <strong>{money(l.settlement)}</strong> },
    { key: 'loss', title: t('complaint.lossAmount'), align: 'right', render: (_, l) => money(l.loss) },
    { key: 'remarks', title: t('resolution.remarks'), render: (_, l) => l.remarks ?? '' },
    ...(canApply
      ? [
          {
            key: 'apply',
            title: '',
            render: (_: unknown, l: Line, i: number) =>
              RETURNABLE_KINDS.includes(l.kind) && (
                <Link to={`/returns/new?complaint=${c.id}&line=${i}`} aria-label={t('returns.complaint.applyLine', { n: i + 1 })}>
                  {t('returns.complaint.apply')}
                </Link>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<Line>
        size="small"
        rowKey={(_, i) => String(i)}
        columns={columns}
        dataSource={r.lines}
        pagination={false}
        scroll={{ x: 720 }}
        className="kehu-lines-table"
        summary={() => (
          <Table.Summary.Row className="kehu-lines-table__total">
            <Table.Summary.Cell index={0} colSpan={5}>
              <strong>{t('resolution.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <strong data-testid="settlement-total">{money(r.settlement_total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              <strong>{money(r.loss_total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} />
            {canApply && <Table.Summary.Cell index={8} />}
          </Table.Summary.Row>
        )}
      />
      {r.proposed_by && (
        <p className="kehu-muted kehu-gap-top">
          {t('detail.proposedBy', { name: r.proposed_by.name, time: r.proposed_at ? formatDateTime(r.proposed_at, locale) : '' })}
        </p>
      )}
    </>
  );
}

/** 核决: tier, approver role, policy version, who approved and when. */
export function ApprovalBody({ complaint: c }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const a = c.approval;
  const decided = !!a.approved_by;
  return (
    <Fields
      rows={[
        { label: t('approval.tier'), value: a.tier ? t('approval.tierN', { n: a.tier }) : null },
        { label: t('approval.approverRole'), value: a.approver_role ? t(`role.${a.approver_role}`, { defaultValue: a.approver_role }) : null },
        { label: t('approval.policyVersion'), value: a.policy_version ?? null },
        { label: t('complaint.settlementAmount'), value: c.resolution.settlement_total ? formatMoney(c.resolution.settlement_total.amount, i18n.language) : null },
        {
          label: t('approval.approvedBy'),
          value: decided ? (
            <>
              <Tag color="success">{t('approval.approved')}</Tag>
              {a.approved_by?.name} {a.approved_at ? formatDateTime(a.approved_at, i18n.language) : ''}
            </>
          ) : null,
        },
        { label: decided ? t('drawer.comment') : t('approval.lastComment'), value: <Prose>{a.comment}</Prose> },
      ]}
    />
  );
}

/** The customer's answer, or how the customer was told the complaint is not valid. */
export function OutcomeBody({ complaint: c, countersign }: { complaint: Complaint; countersign?: Schemas['EventView'] | null }) {
  const { t, i18n } = useTranslation();
  const o = asObject(c.outcome);
  const locale = i18n.language;
  const date = (key: string) => {
    const v = str(o, key);
    return v ? formatDate(v, locale) : null;
  };
  const rows = [];
  const accepted = bool(o, 'accepted');
  if (accepted !== null) {
    rows.push({
      label: t('outcome.answer'),
      value: <Tag color={accepted ? 'success' : 'warning'}>{accepted ? t('outcome.accepted') : t('outcome.notAccepted')}</Tag>,
    });
    rows.push({ label: t('outcome.answeredOn'), value: date('answered_on') });
  }
  const method = str(o, 'method');
  if (method) {
    rows.push({ label: t('invalidNotice.method'), value: t(`noticeMethod.${method}`, { defaultValue: method }) });
    rows.push({ label: t('invalidNotice.informedOn'), value: date('informed_on') });
  }
  rows.push({ label: t('drawer.remarks'), value: <Prose>{str(o, 'remarks')}</Prose> });
  if (countersign) {
    // 业务主管会签: who signed the accepted outcome off, when, and what they wrote.
    const by = [countersign.actor_name ?? t('detail.system'), formatDateTime(countersign.at, locale)].join(' · ');
    const remarks = str(asObject(countersign.body), 'remarks');
    rows.push({
      label: t('outcome.countersign'),
      value: (
        <span data-testid="outcome-countersign">
          {by}
          {remarks && <Prose>{remarks}</Prose>}
        </span>
      ),
    });
  }
  if (c.closed_at) {
    rows.push({ label: t('detail.closedAt'), value: formatDateTime(c.closed_at, locale) });
    if (c.first_closure !== null && c.first_closure !== undefined) {
      rows.push({ label: t('detail.closure'), value: c.first_closure ? t('detail.firstClosure') : t('detail.secondClosure') });
    }
  }
  return o || c.closed_at ? <Fields rows={rows} /> : <span className="kehu-muted">{t('detail.noOutcome')}</span>;
}
