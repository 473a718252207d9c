import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintLayout, type PrintLayoutProps } from '../../../components/print/PrintLayout';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import type { RunSummary } from '../lib/penalties';

/** One sign-off box: who signs, and which of the run's dates fills its date once there. */
export interface Signer {
  label: string;
  at?: 'approved_at' | 'published_at';
}

interface Props<T> {
  runId: number;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T };
  /** The document's name. */
  title: string;
  /** The run the list is of: its month heads the sheet, its dates fill the sign-off. */
  runOf: (data: T) => Pick<RunSummary, 'month' | 'approved_at' | 'published_at'>;
  signers: Signer[];
  copies?: PrintLayoutProps['copies'];
  children: (data: T) => ReactNode;
}

/** The way back from a printed list to its run. */
export function BackToRun({ runId }: { runId: number }) {
  const { t } = useTranslation();
  return (
    <Link to={`/penalties/${runId}`}>
      <Button icon={<ArrowLeftOutlined />} tabIndex={-1}>
        {t('penalties.print.back')}
      </Button>
    </Link>
  );
}

/**
 * A run's printed list on A4: its loading, failure (409: not approved yet)
 * and way back to the run, then the sheet headed by the company, the title
 * and the month, with the sign-off boxes below the body.
 */
export function PrintFrame<T>({ runId, query, title, runOf, signers, copies, children }: Props<T>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { user } = useSession();
  const back = <BackToRun runId={runId} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || query.data === undefined) {
    const problem = problemToFormErrors(query.error, t);
    const message = problem.status === 409 ? t('penalties.print.notReady') : problem.message;
    return <Result status={problem.status === 404 ? '404' : problem.status === 409 ? 'info' : 'error'} title={message} extra={back} />;
  }
  const data = query.data;
  const run = runOf(data);
  return (
    <PrintLayout
      company={user?.org_name ?? t('penalties.print.company')}
      title={title}
      number={run.month}
      numberLabel={t('penalties.print.monthLabel')}
      printLabel={t('penalties.print.print')}
      toolbar={back}
      copies={copies}
      signOff={{
        title: t('penalties.print.signOff'),
        signature: t('penalties.print.signature'),
        date: t('penalties.print.date'),
        rows: signers.map(({ label, at }) => {
          const date = at ? run[at] : null;
          return { label, date: date ? formatDate(date, locale) : null };
        }),
      }}
    >
      {children(data)}
    </PrintLayout>
  );
}
