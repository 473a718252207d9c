import { Layout } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { BottomTabBar } from './BottomTabBar';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';
import { useIsPhone } from './useIsPhone';

/** The signed-in frame: side nav (desktop) or bottom tabs (phone), top bar, page. */
export function AppLayout() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className={phone ? 'kehu-shell kehu-shell--phone' : 'kehu-shell'} hasSider={!phone}>
      <a href="#main" className="kehu-skip-link">
        {t('a11y.skipToContent')}
      </a>
      {!phone && <SideNav collapsed={collapsed} />}
      <Layout>
        <TopBar phone={phone} collapsed={collapsed} onToggleNav={() => setCollapsed((c) => !c)} />
        <Layout.Content id="main" tabIndex={-1} className="kehu-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {phone && <BottomTabBar />}
    </Layout>
  );
}
