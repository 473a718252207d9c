import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { formatDate } from '../../../lib/format';
import { downloadPenaltyList, type PenaltyList } from '../api/queries';
import { RUN_ACTIONS, hasLists, ordered, type RunAction, type RunView } from '../lib/penalties';
import { RunStateTag } from './StateTags';

interface Props {
  run: RunView;
  /** The action running (its button spins). */
  running: RunAction | null;
  /** submit, approve and publish: asked once, then run. */
  onConfirm: (action: Exclude<RunAction, 'send_back'>) => void;
  /** send_back: its reason is asked in a drawer. */
  onSendBack: () => void;
  onFailure: (message: string) => void;
}

const LISTS: PenaltyList[] = ['publication', 'deductions'];

/** The month, its state and dates, the run's steps the server offers, and once approved the lists to print or download. */
export function RunHeader({ run, running, onConfirm, onSendBack, onFailure }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [downloading, setDownloading] = useState<PenaltyList | null>(null);
  const actions = ordered(run.available_actions, RUN_ACTIONS);
  const dates = [
    t('penalties.run.createdAt', { date: formatDate(run.created_at, locale) }),
    run.approved_at && t('penalties.run.approvedAt', { date: formatDate(run.approved_at, locale) }),
    run.published_at && t('penalties.run.publishedAt', { date: formatDate(run.published_at, locale) }),
    t('penalties.run.policy', { version: run.policy_version }),
  ].filter(Boolean);

  async function download(list: PenaltyList) {
    setDownloading(list);
    try {
      await downloadPenaltyList(list, run.id, `${t(`penalties.print.${list}.title`)}-${run.month}.xlsx`);
    } catch (failure) {
      onFailure(problemToFormErrors(failure, t).message);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <header className="kehu-penalty-head">
      <div className="kehu-penalty-head__main">
        <Typography.Title level={1} id="page-title" className="kehu-page__title">
          {t('penalties.run.title', { month: run.month })}
        </Typography.Title>
        <div className="kehu-penalty-head__meta">
          <RunStateTag state={run.state} />
          <span className="kehu-muted">{dates.join(' · ')}</span>
        </div>
        {run.comment && (
          <Alert
            type={run.state === 'confirming' ? 'warning' : 'info'}
            showIcon
            className="kehu-gap-top kehu-prose"
            message={t(run.state === 'confirming' ? 'penalties.run.sentBack' : 'penalties.run.comment', { comment: run.comment })}
          />
        )}
      </div>
      {actions.length > 0 && (
        <Space wrap role="toolbar" aria-label={t('penalties.run.actions')} className="kehu-penalty-head__actions">
          {actions.map((action) => {
            const label = t(`penalties.runAction.${action}`);
            if (action === 'send_back') {
              return (
                <Button key={action} danger onClick={onSendBack} data-action={action}>
                  {label}
                </Button>
              );
            }
            return (
              <Popconfirm
                key={action}
                title={t(`penalties.confirmRun.${action}`)}
                okText={label}
                cancelText={t('common.cancel')}
                onConfirm={() => onConfirm(action)}
              >
                <Button type="primary" loading={running === action} data-action={action}>
                  {label}
                </Button>
              </Popconfirm>
            );
          })}
        </Space>
      )}
      {hasLists(run.state) && (
        <Space wrap role="group" aria-label={t('penalties.run.lists')} className="kehu-penalty-head__lists">
          {LISTS.map((list) => (
            <Link key={`print-${list}`} to={`/penalties/${run.id}/${list}/print`}>
              <Button icon={<PrinterOutlined />} tabIndex={-1}>
                {t(`penalties.run.print.${list}`)}
              </Button>
            </Link>
          ))}
          {LISTS.map((list) => (
            <Button key={`excel-${list}`} icon={<DownloadOutlined />} loading={downloading === list} onClick={() => void download(list)}>
              {t(`penalties.run.excel.${list}`)}
            </Button>
          ))}
        </Space>
      )}
    </header>
  );
}
