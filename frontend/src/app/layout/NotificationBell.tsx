import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../../features/notifications/api/queries';

export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount() ?? 0;
  const label = unread > 0 ? t('topbar.notificationsUnread', { count: unread }) : t('topbar.notifications');
  return (
    <Link to="/notifications" className="kehu-topbar__bell" aria-label={label} title={label}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden className="kehu-topbar__icon" />
      </Badge>
    </Link>
  );
}
