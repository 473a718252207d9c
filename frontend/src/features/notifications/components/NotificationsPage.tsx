import { Alert, Button, Empty, List, Segmented, Select, Skeleton, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { useNow } from '../../../components/useNow';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mutations';
import { useNotifications, useUnreadCount } from '../api/queries';
import { GROUP_FILTERS, parseGroup, type GroupFilter } from '../lib/groups';
import { noticeLink, noticeText } from '../lib/render';
import { noticeTime } from '../lib/time';
import '../notifications.css';
import { LoadMore } from '../../../components/LoadMore';

type Notification = Schemas['NotificationView'];
type Show = 'all' | 'unread';

/** The address for a choice of show and group: only what differs from the default. */
function addressOf(show: Show, group: GroupFilter): Record<string, string> {
  return { ...(show === 'unread' ? { unread: 'true' } : {}), ...(group !== 'all' ? { kind: group } : {}) };
}

/**
 * 通知: mine, newest first, all or unread, of one group of kinds or all;
 * unread ones in bold with a dot; open, mark read, mark all read.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show: Show = params.get('unread') === 'true' ? 'unread' : 'all';
  const group = parseGroup(params.get('kind'));
  const list = useNotifications(show === 'unread', group);
  const unreadCount = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const now = useNow();
  const [failure, setFailure] = useState<unknown>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = (unreadCount ?? 0) > 0 || items.some((n) => !n.read_at);

  const read = (n: Notification) => {
    if (n.read_at) return;
    setFailure(null);
    markRead.mutate(n.id, { onError: setFailure });
  };

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading
        title={t('pages.notifications.title')}
        extra={
          <Button
            disabled={!anyUnread}
            loading={markAll.isPending}
            onClick={() => {
              setFailure(null);
              markAll.mutate(undefined, { onError: setFailure });
            }}
          >
            {t('pages.notifications.markAllRead')}
          </Button>
        }
      />
      <div className="kehu-gap kehu-notices__filters">
        <Segmented<Show>
          aria-label={t('pages.notifications.show')}
          value={show}
          onChange={(v) => setParams(addressOf(v, group), { replace: true })}
          options={[
            { value: 'all', label: t('pages.notifications.all') },
            { value: 'unread', label: t('pages.notifications.unread') },
          ]}
        />
        <Select<GroupFilter>
          className="kehu-notices__kind"
          aria-label={t('pages.notifications.kind')}
          value={group}
          onChange={(g) => setParams(addressOf(show, g), { replace: true })}
          options={GROUP_FILTERS.map((g) => ({ value: g, label: t(`pages.notifications.group.${g}`) }))}
          popupMatchSelectWidth={false}
        />
      </div>
      <div aria-live="polite">
        {failure != null && (
          <Alert
            type="error"
            showIcon
            closable
            className="kehu-gap"
            message={problemToFormErrors(failure, t).message}
            onClose={() => setFailure(null)}
          />
        )}
      </div>
      {list.isError && <Alert type="error" showIcon className="kehu-gap" message={problemToFormErrors(list.error, t).message} />}
      {list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && !list.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>{t(group === 'all' ? 'pages.notifications.empty' : 'pages.notifications.emptyKind')}</Typography.Paragraph>
              {group === 'all' && <Typography.Paragraph type="secondary">{t('pages.notifications.emptyHint')}</Typography.Paragraph>}
            </>
          }
        />
      ) : (
        <div className="kehu-panel">
          <List
            className="kehu-notices"
            aria-label={t('pages.notifications.title')}
            dataSource={items}
            rowKey="id"
            renderItem={(n) => (
              <NoticeRow notice={n} now={now} busy={markRead.isPending && markRead.variables === n.id} onRead={read} />
            )}
          />
          <LoadMore list={list} count={items.length} />
        </div>
      )}
    </section>
  );
}

interface RowProps {
  notice: Notification;
  now: number;
  /** Its mark-read request is on its way. */
  busy: boolean;
  onRead: (n: Notification) => void;
}

function NoticeRow({ notice, now, busy, onRead }: RowProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { title, body } = noticeText(t, notice);
  const link = noticeLink(notice);
  const unread = !notice.read_at;
  const when = noticeTime(notice.created_at, now, i18n.language);
  return (
    <List.Item className={unread ? 'kehu-notice is-unread' : 'kehu-notice'}>
      <div className="kehu-notice__main">
        <div className="kehu-notice__title" id={titleId}>
          {unread && <span className="kehu-notice__dot" role="img" aria-label={t('pages.notifications.unread')} />}
          {link ? (
            // Opening a notification reads it.
            <Link to={link} onClick={() => onRead(notice)}>
              {title}
            </Link>
          ) : (
            <span>{title}</span>
          )}
        </div>
        {body && <div className="kehu-notice__body kehu-prose">{body}</div>}
        <time className="kehu-notice__time" dateTime={notice.created_at} title={when.absolute}>
          {when.label}
        </time>
      </div>
      {unread && (
        <Button type="link" size="small" className="kehu-notice__read" aria-describedby={titleId} loading={busy} onClick={() => onRead(notice)}>
          {t('pages.notifications.markRead')}
        </Button>
      )}
    </List.Item>
  );
}
