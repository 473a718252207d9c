import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';

interface Props<T> {
  runId: number;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T };
  children: (data: T, back: ReactNode) => ReactNode;
}

/** A printed list's loading, failure (409: not approved yet) and way back to the run. */
export function PrintFrame<T>({ runId, query, children }: Props<T>) {
  const { t } = useTranslation();
  const back = (
    <Link to={`/penalties/${runId}`}>
      <Button icon={<ArrowLeftOutlined />} tabIndex={-1}>
        {t('penalties.print.back')}
      </Button>
    </Link>
  );
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || query.data === undefined) {
    const problem = problemToFormErrors(query.error, t);
    const title = problem.status === 409 ? t('penalties.print.notReady') : problem.message;
    return <Result status={problem.status === 404 ? '404' : problem.status === 409 ? 'info' : 'error'} title={title} extra={back} />;
  }
  return <>{children(query.data, back)}</>;
}
