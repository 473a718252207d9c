import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/auth/hooks/useAuthActions';
import { useSession } from '../../features/auth/hooks/useSession';

/** Name, department and roles, and the way out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
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
    { key: 'logout', icon: <LogoutOutlined />, label: t('topbar.logout'), danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{ items, onClick: ({ key }) => key === 'logout' && logout.mutate() }}
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
