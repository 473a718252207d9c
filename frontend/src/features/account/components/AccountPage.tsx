import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLogout } from '../../auth/hooks/useAuthActions';
import { useSession } from '../../auth/hooks/useSession';
import { NoticePreferencesCard } from '../../notice-preferences/components/NoticePreferencesCard';
import { BonusLedgerCard } from './BonusLedgerCard';
import { PasswordChangeCard } from './PasswordChangeCard';

/** "我的" on phones (and /me on desktop): who I am, language, log out, my notification settings, my penalty ledger, my password. */
export default function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const title = t('pages.me.title');
  usePageTitle(title);
  if (!user) return null;

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <Typography.Title level={1} id="page-title" className="kehu-page__title">
        {title}
      </Typography.Title>
      <Card>
        <Descriptions column={1} title={user.display_name}>
          <Descriptions.Item label={t('topbar.department')}>{user.department_name}</Descriptions.Item>
          <Descriptions.Item label={t('topbar.roles')}>
            {user.roles.map((role) => t(`role.${role}`, { defaultValue: role })).join(t('common.listSeparator'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('pages.me.language')}>
            <LanguageSwitch />
          </Descriptions.Item>
        </Descriptions>
        <Space className="kehu-account__actions">
          <Button danger icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('topbar.logout')}
          </Button>
        </Space>
      </Card>
      <NoticePreferencesCard />
      <BonusLedgerCard />
      <PasswordChangeCard />
    </section>
  );
}
