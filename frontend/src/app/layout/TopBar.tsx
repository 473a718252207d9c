import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

interface Props {
  phone: boolean;
  collapsed: boolean;
  onToggleNav: () => void;
}

export function TopBar({ phone, collapsed, onToggleNav }: Props) {
  const { t } = useTranslation();
  return (
    <Layout.Header className="kehu-topbar" role="banner">
      {phone ? (
        <div className="kehu-brand kehu-brand--topbar">
          <span className="kehu-brand__mark" aria-hidden>
            K
          </span>
          <span className="kehu-brand__name">{t('app.name')}</span>
        </div>
      ) : (
        <Button
          type="text"
          className="kehu-topbar__button"
          icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
          aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
          aria-expanded={!collapsed}
          onClick={onToggleNav}
        />
      )}
      <div className="kehu-topbar__spacer" />
      {/* TODO(org): company switcher here when the user's group has several companies. */}
      <NotificationBell />
      <LanguageSwitch compact={phone} />
      <UserMenu compact={phone} />
    </Layout.Header>
  );
}
