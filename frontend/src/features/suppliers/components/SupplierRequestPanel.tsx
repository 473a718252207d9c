import { CheckOutlined, CloseCircleOutlined, EditOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../lib/format';
import { decisionKind, SUPPLIER_ACTIONS, supplierPrintPath, type SupplierAction, type SupplierRequest, type SupplierState } from '../lib/supplier';

const STATE_COLOR: Record<SupplierState, string> = { requested: 'processing', answered: 'warning', accepted: 'success', cancelled: 'default' };

const ICON: Record<SupplierAction, ReactNode> = {
  record_answer: <EditOutlined />,
  accept: <CheckOutlined />,
  reject: <RollbackOutlined />,
  cancel: <CloseCircleOutlined />,
};

/** Where a request stands, in words (the colour only repeats them). */
export function SupplierStateTag({ state }: { state: SupplierState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`supplier.state.${state}`)}</Tag>;
}

/** Waiting for the supplier past its due date: a red mark in words. */
export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('supplier.overdue')}</Tag>;
}

interface Props {
  items: readonly SupplierRequest[];
  onAct: (request: SupplierRequest, action: SupplierAction) => void;
}

/**
 * The case's supplier corrective-action requests (newest first): the
 * supplier, its share, where the request stands and by when the supplier
 * answers, the problem, the answer, the last decision, the buttons its
 * `available_actions` name, and the printed request to send.
 */
export function SupplierRequestPanel({ items, onAct }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="kehu-suppliers__list" aria-label={t('supplier.list')} data-testid="case-supplier-requests">
      {items.map((r) => (
        <SupplierRequestItem key={r.id} request={r} onAct={onAct} />
      ))}
    </ul>
  );
}

function SupplierRequestItem({ request: r, onAct }: { request: SupplierRequest; onAct: Props['onAct'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const kind = decisionKind(r.state);
  const actions = SUPPLIER_ACTIONS.filter((a) => r.available_actions.includes(a));
  return (
    <li className="kehu-supplier" data-testid={`supplier-request-${r.id}`}>
      <div className="kehu-supplier__head">
        <SupplierStateTag state={r.state} />
        {r.overdue && <OverdueTag />}
        <span className="kehu-supplier__name">{r.supplier}</span>
        <span className="kehu-muted">{t('supplier.share', { ratio: r.ratio_percent })}</span>
      </div>
      <div className="kehu-muted kehu-supplier__by">
        {t('supplier.dueOn', { date: formatDate(r.due_on, locale) })}
        {' · '}
        {t('supplier.raisedBy', { name: r.raised_by.name, time: formatDateTime(r.raised_at, locale) })}
      </div>
      <div className="kehu-supplier__text">
        <span className="kehu-muted">{t('supplier.problemLabel')}</span>
        {r.problem}
      </div>
      {r.root_cause && (
        <div className="kehu-supplier__text">
          <span className="kehu-muted">{t('supplier.rootCauseLabel')}</span>
          {r.root_cause}
        </div>
      )}
      {r.actions && (
        <div className="kehu-supplier__text">
          <span className="kehu-muted">{t('supplier.actionsLabel')}</span>
          {r.actions}
        </div>
      )}
      {r.answered_on && (
        <div className="kehu-muted kehu-supplier__by">
          {t('supplier.answeredBy', { date: formatDate(r.answered_on, locale), name: r.answered_by?.name ?? '—' })}
        </div>
      )}
      {r.decided_by && (
        <div className="kehu-muted kehu-supplier__by">
          {t(`supplier.decidedBy.${kind}`, { name: r.decided_by.name, time: r.decided_at ? formatDateTime(r.decided_at, locale) : '' })}
        </div>
      )}
      {r.comment && (
        <div className="kehu-supplier__text">
          <span className="kehu-muted">{t(`supplier.commentLabel.${kind}`)}</span>
          {r.comment}
        </div>
      )}
      <div className="kehu-supplier__actions">
        {actions.map((a) => (
          <Button key={a} type={a === 'record_answer' || a === 'accept' ? 'primary' : 'default'} danger={a === 'reject' || a === 'cancel'} icon={ICON[a]} onClick={() => onAct(r, a)}>
            {t(`supplier.action.${a}`)}
          </Button>
        ))}
        <Link to={supplierPrintPath(r)} className="kehu-supplier__print">
          <PrinterOutlined aria-hidden /> {t('supplier.print.open')}
        </Link>
      </div>
    </li>
  );
}
