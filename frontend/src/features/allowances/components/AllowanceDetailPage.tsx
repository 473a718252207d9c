import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { useAllowanceAction } from '../api/mutations';
import { useAllowance } from '../api/queries';
import type { AllowanceAction } from '../lib/states';
import { AllowanceActionButtons, type DrawerAction } from './AllowanceActionButtons';
import { AllowanceActionDrawer } from './AllowanceActionDrawer';
import { CertificateFacts, SigningFacts } from './AllowanceFacts';
import { AllowanceHeader } from './AllowanceHeader';
import { AllowanceHistory } from './AllowanceHistory';
import '../allowances.css';

/** Kept as keys so the message follows a language switch (a server failure stays as it came). */
type Feedback =
  | { type: 'success'; key: 'detail.done'; action: AllowanceAction }
  | { type: 'success'; key: 'allowances.raise.saved'; number: string }
  | { type: 'warning'; key: 'allowances.detail.conflict'; action: AllowanceAction; detail?: string }
  | { type: 'warning'; key: 'allowances.detail.stale' }
  | { type: 'error'; key: 'failure'; message: string };

/** Shown once both signatories approved: the customer's signature, then accounting's booking. */
const SIGNING_STATES = ['approved', 'signed', 'booked'];

/** 销货折让证明单: header, what it is for, the customer's signature and the booking, history, and my actions. */
export default function AllowanceDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useIsPhone();
  const query = useAllowance(id);
  const direct = useAllowanceAction();
  const [running, setRunning] = useState<AllowanceAction | null>(null);
  const [action, setAction] = useState<DrawerAction | null>(null);
  const raised = (location.state as { raised?: string } | null)?.raised;
  const [feedback, setFeedback] = useState<Feedback | null>(raised ? { type: 'success', key: 'allowances.raise.saved', number: raised } : null);
  const a = query.data;

  // Another certificate: nothing said here belongs to it.
  useEffect(() => {
    if (!raised) setFeedback(null);
  }, [id]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !a) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }

  const refresh = () => void query.refetch();
  const conflict = (act: AllowanceAction, detail?: string) => {
    setFeedback({ type: 'warning', key: 'allowances.detail.conflict', action: act, detail });
    refresh();
  };

  /** 核签同意 and 撤回: confirmed in a popover, then sent as they are. */
  async function runConfirmed(act: 'approve' | 'withdraw') {
    if (!a) return;
    setFeedback(null);
    setRunning(act);
    try {
      await direct.mutateAsync({ id: a.id, version: a.version, action: act, body: {} });
      setFeedback({ type: 'success', key: 'detail.done', action: act });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 409) conflict(act, p.message);
      else if (p.status === 412) {
        setFeedback({ type: 'warning', key: 'allowances.detail.stale' });
        refresh();
      } else setFeedback({ type: 'error', key: 'failure', message: p.message });
    } finally {
      setRunning(null);
    }
  }

  const print = () => navigate(`/allowances/${a.id}/print`);
  const buttons = (block: boolean) => (
    <AllowanceActionButtons
      available={a.available_actions}
      onPick={(act) => {
        setFeedback(null);
        setAction(act);
      }}
      onConfirm={(act) => void runConfirmed(act)}
      running={running}
      onPrint={print}
      block={block}
    />
  );
  const message = (f: Feedback) => {
    switch (f.key) {
      case 'failure':
        return f.message;
      case 'allowances.raise.saved':
        return t(f.key, { number: f.number });
      case 'allowances.detail.stale':
        return t(f.key);
      default:
        return t(f.key, { action: t(`allowances.action.${f.action}`), detail: 'detail' in f ? f.detail : undefined });
    }
  };
  const signing = SIGNING_STATES.includes(a.state);
  const cardTitle = (key: string) => <h2 className="kehu-allowance-card__title">{t(key)}</h2>;

  return (
    <article className={phone ? 'kehu-allowance kehu-allowance--phone' : 'kehu-allowance'} aria-labelledby="page-title">
      <AllowanceHeader
        allowance={a}
        actions={
          phone ? (
            <Button icon={<PrinterOutlined />} onClick={print} data-action="print">
              {t('allowances.detail.print')}
            </Button>
          ) : (
            buttons(false)
          )
        }
      />
      <div aria-live="polite">
        {feedback && (
          <Alert type={feedback.type} showIcon closable message={message(feedback)} onClose={() => setFeedback(null)} className="kehu-gap" role="status" />
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" id="section-certificate" className="kehu-allowance-card" title={cardTitle('allowances.detail.certificate')}>
            <CertificateFacts allowance={a} />
          </Card>
          {signing && (
            <Card size="small" id="section-signing" className="kehu-allowance-card" title={cardTitle('allowances.detail.signing')}>
              {a.state === 'approved' && (
                <Alert type="info" showIcon className="kehu-gap" message={t('allowances.detail.awaitsCustomer')} data-testid="awaits-customer" />
              )}
              <SigningFacts allowance={a} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<h2 className="kehu-allowance-card__title">{t('detail.history')}</h2>}>
            <AllowanceHistory events={a.history} />
          </Card>
        </Col>
      </Row>
      {phone && a.available_actions.length > 0 && (
        <div className="kehu-allowance-bar" role="toolbar" aria-label={t('detail.actions')}>
          {buttons(true)}
        </div>
      )}
      <AllowanceActionDrawer
        allowance={a}
        action={action}
        onClose={() => setAction(null)}
        onStale={refresh}
        onConflict={(act, detail) => {
          setAction(null);
          conflict(act, detail);
        }}
        onDone={(act) => {
          setAction(null);
          setFeedback({ type: 'success', key: 'detail.done', action: act });
        }}
      />
    </article>
  );
}
