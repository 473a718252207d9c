import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMyTaskCount } from '../../features/tasks/hooks/useMyTaskCount';
import { PHONE_TABS } from './nav-items';

/** Phone navigation: 待办 · 投诉 · 客户 · 我的, fixed at the bottom. */
export function BottomTabBar() {
  const { t } = useTranslation();
  const taskCount = useMyTaskCount();
  return (
    <nav className="kehu-tabbar" aria-label={t('a11y.bottomNav')}>
      <ul>
        {PHONE_TABS.map((tab) => {
          const counted = tab.countsTasks && taskCount !== undefined;
          return (
            <li key={tab.key}>
              <NavLink
                to={tab.path}
                className={({ isActive }) => (isActive ? 'kehu-tabbar__tab is-active' : 'kehu-tabbar__tab')}
                aria-label={counted ? t('nav.tasksWithCount', { count: taskCount }) : undefined}
              >
                <Badge count={counted ? taskCount : 0} size="small" overflowCount={99}>
                  <span className="kehu-tabbar__icon" aria-hidden>
                    {tab.icon}
                  </span>
                </Badge>
                <span className="kehu-tabbar__label">{t(tab.label)}</span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
