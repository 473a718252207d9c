import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Result, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { LoadMore } from '../../../components/LoadMore';
import { usePageTitle } from '../../../components/usePageTitle';
import { usePenaltyItemAction, usePenaltyRun, usePenaltyRunAction } from '../api/queries';
import {
  itemFilterParams,
  mergePages,
  parseItemFilters,
  type ItemAction,
  type ItemFilters,
  type ItemView,
  type ReasonAction,
  type RunAction,
  type RunView,
} from '../lib/penalties';
import { ChargesTab } from './ChargesTab';
import { ItemActionDrawer } from './ItemActionDrawer';
import { ItemsTab } from './ItemsTab';
import { LedgerTable } from './LedgerTable';
import { RunHeader } from './RunHeader';
import { SendBackDrawer } from './SendBackDrawer';
import '../penalties.css';

const TABS = ['items', 'charges', 'ledger'] as const;
const NO_FILTERS: ItemFilters = {};

type Feedback = { type: 'success' | 'warning' | 'error'; text: string };

/**
 * One month's run: the notice's items with the steps the server offers on
 * each, what the approved run charges each person, and the ledger; the
 * run's own steps (submit, approve, send back, publish) in the header.
 * The items come a page at a time, filtered by the server; the filters are
 * in the URL with the tab (`?tab=items&department=5&state=pending`) and apply
 * to the items tab only.
 */
export default function PenaltyRunPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'items';
  const filters = parseItemFilters(params);
  const query = usePenaltyRun(id, tab === 'items' ? filters : NO_FILTERS);
  /** Sets the params given (undefined: removes one), keeping the others. */
  const setSearch = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const runStep = usePenaltyRunAction();
  const itemStep = usePenaltyItemAction();
  const [running, setRunning] = useState<RunAction | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [sendingBack, setSendingBack] = useState(false);
  const [target, setTarget] = useState<{ item: ItemView; action: ReasonAction } | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const pages = query.data?.pages;
  const loaded = useMemo(() => (pages && pages.length > 0 ? mergePages(pages as [RunView, ...RunView[]]) : undefined), [pages]);
  usePageTitle(loaded ? t('penalties.run.title', { month: loaded.month }) : t('penalties.title'));

  // Another run: nothing said here belongs to it.
  useEffect(() => setFeedback(null), [id]);

  const back = (
    <Link to="/penalties" className="kehu-penalty-back">
      <ArrowLeftOutlined /> {t('penalties.run.back')}
    </Link>
  );
  if (query.isError && !loaded) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} extra={back} />;
  }
  if (!loaded) return <Skeleton active paragraph={{ rows: 8 }} />;
  const run = loaded;
  const refresh = () => void query.refetch();

  const conflict = (action: string, detail?: string) => {
    setFeedback({ type: 'warning', text: t('penalties.run.conflict', { action, detail: detail ?? t('errors.conflict') }) });
    refresh();
  };
  const stale = () => {
    setFeedback({ type: 'warning', text: t('penalties.run.stale') });
    refresh();
  };
  /** A step run from a button (no drawer): its failure in the page's alert. */
  const failed = (failure: unknown, action: string) => {
    const p = problemToFormErrors(failure, t);
    if (p.status === 409) conflict(action, failure instanceof Error ? failure.message : undefined);
    else if (p.status === 412) stale();
    else setFeedback({ type: 'error', text: p.message });
  };

  async function confirmRun(action: Exclude<RunAction, 'send_back'>) {
    setFeedback(null);
    setRunning(action);
    try {
      await runStep.mutateAsync({ id: run.id, version: run.version, action });
      setFeedback({ type: 'success', text: t(`penalties.runDone.${action}`) });
    } catch (failure) {
      failed(failure, t(`penalties.runAction.${action}`));
    } finally {
      setRunning(null);
    }
  }

  async function confirmItem(item: ItemView) {
    setFeedback(null);
    setConfirming(item.id);
    try {
      await itemStep.mutateAsync({ runId: run.id, itemId: item.id, version: item.version, action: 'confirm', body: {} });
      setFeedback({ type: 'success', text: t('penalties.itemDone.confirm', { number: item.complaint_number ?? `#${item.complaint_id}` }) });
    } catch (failure) {
      failed(failure, t('penalties.itemAction.confirm'));
    } finally {
      setConfirming(null);
    }
  }

  const onItemAction = (item: ItemView, action: ItemAction) => {
    if (action === 'confirm') void confirmItem(item);
    else {
      setFeedback(null);
      setTarget({ item, action });
    }
  };
  // The drawer's item as the run shows it now: after a 412 the refetched version is the one sent next.
  const current = target && { action: target.action, item: run.items.find((i) => i.id === target.item.id) ?? target.item };

  const content = {
    items: (
      <ItemsTab
        runId={run.id}
        items={run.items}
        counts={run.item_counts}
        filters={filters}
        onFilters={(next) => setSearch(itemFilterParams(next))}
        list={query}
        loading={query.isPlaceholderData}
        confirming={confirming}
        onAction={onItemAction}
      />
    ),
    charges: (
      <>
        {query.hasNextPage && (
          <Typography.Paragraph type="secondary" data-testid="charges-partial">
            {t('penalties.charges.partial', { loaded: run.items.length, total: run.item_counts.total })}
          </Typography.Paragraph>
        )}
        <ChargesTab charges={run.charges} />
        {query.hasNextPage && <LoadMore list={query} count={run.items.length} />}
      </>
    ),
    ledger: <LedgerTable rows={run.ledger} />,
  };

  return (
    <article className="kehu-page kehu-penalty" aria-labelledby="page-title">
      {back}
      <RunHeader
        run={run}
        running={running}
        onConfirm={(action) => void confirmRun(action)}
        onSendBack={() => {
          setFeedback(null);
          setSendingBack(true);
        }}
        onFailure={(text) => setFeedback({ type: 'error', text })}
      />
      <div aria-live="polite">
        {query.isError && <Alert type="error" showIcon message={problemToFormErrors(query.error, t).message} className="kehu-gap" />}
        {feedback && <Alert type={feedback.type} showIcon closable role="status" message={feedback.text} onClose={() => setFeedback(null)} className="kehu-gap kehu-prose" />}
      </div>
      <Card className="kehu-penalty__card">
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch({ tab: key })}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: t(`penalties.run.tabs.${key}`), children: content[key] }))}
        />
      </Card>
      <ItemActionDrawer
        runId={run.id}
        items={run.items}
        target={current}
        onClose={() => setTarget(null)}
        onStale={refresh}
        onConflict={(action, detail) => {
          setTarget(null);
          conflict(t(`penalties.itemAction.${action}`), detail);
        }}
        onDone={(action) => {
          setTarget(null);
          setFeedback({ type: 'success', text: t(`penalties.itemDone.${action}`, { number: current?.item.complaint_number ?? '' }) });
        }}
      />
      <SendBackDrawer
        run={run}
        open={sendingBack}
        onClose={() => setSendingBack(false)}
        onStale={refresh}
        onConflict={(detail) => {
          setSendingBack(false);
          conflict(t('penalties.runAction.send_back'), detail);
        }}
        onDone={() => {
          setSendingBack(false);
          setFeedback({ type: 'success', text: t('penalties.runDone.send_back') });
        }}
      />
    </article>
  );
}
