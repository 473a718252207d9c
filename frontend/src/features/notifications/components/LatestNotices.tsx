import { Alert, Button, Skeleton, Typography } from 'antd';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useNow } from '../../../components/useNow';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mutations';
import { useLatestNotifications, useUnreadCount } from '../api/queries';
import { noticeLink, noticeText } from '../lib/render';
import { noticeTime } from '../lib/time';
import '../notifications.css';

type Notification = Schemas['NotificationView'];

interface Props {
  /** The panel's heading id: the dialog is named by it. */
  titleId: string;
  /** Leaving the panel: a row or 查看全部 was followed, or (with the focus to go back to the bell) Escape was pressed. */
  onClose: (returnFocus: boolean) => void;
  panelRef?: Ref<HTMLDivElement>;
}

/**
 * The bell's popover: the latest ten notifications, read or not, each opening
 * what it is about (and so read); a way to the centre and to mark all read.
 */
export function LatestNotices({ titleId, onClose, panelRef }: Props) {
  const { t } = useTranslation();
  const latest = useLatestNotifications();
  const unreadCount = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const now = useNow();
  const [failure, setFailure] = useState<unknown>(null);
  const items = latest.data?.items ?? [];
  const anyUnread = (unreadCount ?? 0) > 0 || items.some((n) => !n.read_at);

  const open = (n: Notification) => {
    // The row navigates away: the request finishes after the popover has closed.
    if (!n.read_at) markRead.mutate(n.id);
    onClose(false);
  };

  // The trigger's own Escape handling only sees keys while focus is on it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose(true);
  };

  return (
    <div ref={panelRef} className="kehu-bell__panel" role="dialog" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
      <h2 id={titleId} className="kehu-bell__title">
        {t('pages.notifications.title')}
      </h2>
      {failure != null && (
        <Alert type="error" showIcon closable className="kehu-bell__alert" message={problemToFormErrors(failure, t).message} onClose={() => setFailure(null)} />
      )}
      {latest.isError && <Alert type="error" showIcon className="kehu-bell__alert" message={problemToFormErrors(latest.error, t).message} />}
      {latest.isPending ? (
        <Skeleton active className="kehu-bell__loading" paragraph={{ rows: 3 }} />
      ) : items.length === 0 && !latest.isError ? (
        <Typography.Paragraph type="secondary" className="kehu-bell__empty">
          {t('pages.notifications.none')}
        </Typography.Paragraph>
      ) : (
        <ul className="kehu-bell__list" aria-label={t('pages.notifications.latest')}>
          {items.map((n) => (
            <LatestRow key={n.id} notice={n} now={now} onOpen={open} />
          ))}
        </ul>
      )}
      <div className="kehu-bell__footer">
        <Link to="/notifications" onClick={() => onClose(false)}>
          {t('pages.notifications.viewAll')}
        </Link>
        <Button
          size="small"
          disabled={!anyUnread}
          loading={markAll.isPending}
          onClick={() => {
            setFailure(null);
            markAll.mutate(undefined, { onError: setFailure });
          }}
        >
          {t('pages.notifications.markAllRead')}
        </Button>
      </div>
    </div>
  );
}

function LatestRow({ notice, now, onOpen }: { notice: Notification; now: number; onOpen: (n: Notification) => void }) {
  const { t, i18n } = useTranslation();
  const { title } = noticeText(t, notice);
  const link = noticeLink(notice);
  const unread = !notice.read_at;
  const when = noticeTime(notice.created_at, now, i18n.language);
  const inner = (
    <>
      {unread && <span className="kehu-notice__dot" role="img" aria-label={t('pages.notifications.unread')} />}
      <span className="kehu-bell__text">
        <span className="kehu-bell__row-title">{title}</span>
        <time className="kehu-bell__time" dateTime={notice.created_at} title={when.absolute}>
          {when.label}
        </time>
      </span>
    </>
  );
  const className = unread ? 'kehu-bell__row is-unread' : 'kehu-bell__row';
  return (
    <li className="kehu-bell__item">
      {link ? (
        // Opening a notification reads it.
        <Link to={link} className={className} onClick={() => onOpen(notice)}>
          {inner}
        </Link>
      ) : (
        <div className={className}>{inner}</div>
      )}
    </li>
  );
}
