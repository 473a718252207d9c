import { Alert, Card, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useCaseSupplierRequests } from '../api/queries';
import { SUPPLIER_SECTION, type SupplierAction, type SupplierRequest } from '../lib/supplier';
import { SupplierActionDrawer } from './SupplierActionDrawer';
import { SupplierRequestPanel } from './SupplierRequestPanel';
import '../suppliers.css';

interface Feedback {
  type: 'success' | 'warning';
  text: string;
}

/**
 * 供应商纠正措施要求 on the case: one per supplier the investigation named,
 * raised when it concluded. Shown only when the case has any; they stay
 * actionable after the case closes. A failed read hides it too: the case is
 * the page's business.
 */
export function SupplierSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const requests = useCaseSupplierRequests(c.id, !!c.number);
  // By id: after a 412 the drawer acts on the request as read again.
  const [choice, setChoice] = useState<{ id: number; action: SupplierAction } | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const scrolled = useRef(false);

  const items = requests.data?.items ?? [];
  const visible = items.length > 0;
  const chosen = choice ? items.find((r) => r.id === choice.id) : undefined;

  // The page scrolls to a #section-… on arrival, before this section's read settles: do it here then.
  useEffect(() => {
    if (!visible || scrolled.current || hash !== `#${SUPPLIER_SECTION}`) return;
    scrolled.current = true;
    const el = document.getElementById(SUPPLIER_SECTION);
    if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [visible, hash]);

  if (!visible) return null;

  const done = (saved: SupplierRequest) => {
    setChoice(null);
    const text =
      saved.state === 'requested'
        ? t('supplier.done.rejected', { supplier: saved.supplier, date: formatDate(saved.due_on, i18n.language) })
        : t(`supplier.done.${saved.state}`, { supplier: saved.supplier });
    setFeedback({ type: 'success', text });
  };

  return (
    <Card
      id={SUPPLIER_SECTION}
      size="small"
      className="kehu-section kehu-suppliers"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('supplier.title')}
        </Typography.Title>
      }
    >
      <div aria-live="polite">
        {feedback && <Alert type={feedback.type} showIcon closable role="status" className="kehu-gap" message={feedback.text} onClose={() => setFeedback(null)} />}
      </div>
      <SupplierRequestPanel items={items} onAct={(r, action) => setChoice({ id: r.id, action })} />
      <SupplierActionDrawer
        choice={choice && chosen ? { request: chosen, action: choice.action } : null}
        onClose={() => setChoice(null)}
        onDone={done}
        onConflict={(message) => {
          setChoice(null);
          setFeedback({ type: 'warning', text: t('supplier.conflict', { detail: message }) });
          void requests.refetch();
        }}
        onStale={() => void requests.refetch()}
      />
    </Card>
  );
}
