import { BellOutlined } from '@ant-design/icons';
import { Badge, Popover } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../../features/notifications/api/queries';
import { LatestNotices } from '../../features/notifications/components/LatestNotices';

/**
 * The bell: the unread count, and on a click the latest ten notifications
 * in a popover (the whole centre is one link further).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount() ?? 0;
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const label = unread > 0 ? t('topbar.notificationsUnread', { count: unread }) : t('topbar.notifications');

  const close = (returnFocus: boolean) => {
    setOpen(false);
    // Escape: back where the keyboard was. A followed link has taken the user elsewhere.
    if (returnFocus) trigger.current?.focus();
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      // On a phone the bell is not at the screen's edge: slide the panel into view rather than past it.
      align={{ overflow: { shiftX: true, adjustY: true } }}
      classNames={{ root: 'kehu-bell__popover' }}
      // Each opening reads the list again.
      destroyOnHidden
      afterOpenChange={(opened) => {
        // Into the panel, so Tab reaches its rows (it is rendered at the end of the page).
        if (opened) panel.current?.focus();
      }}
      content={<LatestNotices titleId={titleId} panelRef={panel} onClose={close} />}
    >
      <button
        ref={trigger}
        type="button"
        className="kehu-topbar__bell"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined aria-hidden className="kehu-topbar__icon" />
        </Badge>
      </button>
    </Popover>
  );
}
