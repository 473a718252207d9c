import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/hooks/useAuthActions';
import { useSession } from '../../features/auth/hooks/useSession';

/** Name, department and roles, 我的 (notification settings, password…), and the way out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!user) return null;

  const roles = user.roles.map((role) => t(`role.${role}`, { defaultValue: role })).join(t('common.listSeparator'));
  const items: MenuProps['items'] = [
    {
      key: 'profile',
      disabled: true,
      className: 'kehu-user-menu__profile',
      label: (
        <div>
          <div className="kehu-user-menu__name">{user.display_name}</div>
          <div className="kehu-user-menu__meta">
            {t('topbar.departmentValue', { name: user.department_name })}
          </div>
          <div className="kehu-user-menu__meta">
            {t('topbar.rolesValue', { names: roles })}
          </div>
        </div>
      ),
    },
    { type: 'divider' },
    // 我的 holds the notification settings and the password: on a phone the bottom bar leads there, on a desktop this.
    { key: 'me', icon: <UserOutlined aria-hidden />, label: <Link to="/me">{t('nav.me')}</Link> },
    { key: 'logout', icon: <LogoutOutlined />, label: t('topbar.logout'), danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        items,
        onClick: ({ key, domEvent }) => {
          if (key === 'logout') logout.mutate();
          // The link follows itself when clicked; Enter on the item (or a click beside the link) goes there too.
          else if (key === 'me' && !(domEvent.target instanceof Element && domEvent.target.closest('a'))) void navigate('/me');
        },
      }}
    >
      <Button type="text" aria-label={t('topbar.userMenuFor', { name: user.display_name })} className="kehu-topbar__button">
        <Avatar size="small" icon={<UserOutlined />} aria-hidden />
        {!compact && (
          <>
            <span className="kehu-topbar__username">{user.display_name}</span>
            <DownOutlined aria-hidden className="kehu-caret" />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
