import { Badge, Layout, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/auth/hooks/useSession';
import { useMyTaskCount } from '../../features/tasks/hooks/useMyTaskCount';
import { SIDE_NAV, activeNavKey, visibleItems } from './nav-items';

interface Props {
  collapsed: boolean;
}

/** The desktop left navigation; collapsing is driven by the top bar toggle. */
export function SideNav({ collapsed }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { user } = useSession();
  const taskCount = useMyTaskCount();

  const items: MenuProps['items'] = visibleItems(SIDE_NAV, user?.roles ?? []).map((item) => {
    const counted = item.countsTasks && taskCount !== undefined;
    const label = t(item.label);
    return {
      key: item.key,
      icon: counted && collapsed ? <Badge dot>{item.icon}</Badge> : item.icon,
      label: (
        <Link to={item.path} aria-label={counted ? t('nav.tasksWithCount', { count: taskCount }) : undefined}>
          <span className="kehu-nav__label">{label}</span>
          {counted && <Badge count={taskCount} overflowCount={99} className="kehu-nav__badge" aria-hidden />}
        </Link>
      ),
    };
  });

  return (
    <Layout.Sider
      collapsible
      collapsed={collapsed}
      trigger={null}
      width={208}
      collapsedWidth={64}
      theme="light"
      className="kehu-sider"
    >
      <div className="kehu-brand" aria-hidden={collapsed}>
        <span className="kehu-brand__mark">K</span>
        {!collapsed && (
          <span className="kehu-brand__name" title={t('app.name')}>
            {t('app.name')}
          </span>
        )}
      </div>
      <nav aria-label={t('a11y.mainNav')}>
        <Menu mode="inline" items={items} selectedKeys={[activeNavKey(pathname)]} className="kehu-nav" />
      </nav>
    </Layout.Sider>
  );
}
