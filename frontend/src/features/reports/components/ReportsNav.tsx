import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { COLLECTION_EXCLUSION_ROLES, hasAny } from '../../../lib/roles';
import { useSession } from '../../auth/hooks/useSession';

/** The report a path shows: 月报 (/reports), 周报 (/reports/weekly), 客诉金额明细 (/reports/collection-exclusions). */
export function reportOf(pathname: string): string {
  if (pathname.startsWith('/reports/weekly')) return 'weekly';
  if (pathname.startsWith('/reports/collection-exclusions')) return 'exclusions';
  return 'monthly';
}

/**
 * The reports' own navigation, above each report: 月报 · 周报 · 客诉金额明细
 * (the last only to those who may read it, as in the side navigation). On a
 * phone it is the only way between them; print hides it.
 */
export function ReportsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const roles = useSession().user?.roles ?? [];
  const items: MenuProps['items'] = [
    { key: 'monthly', label: <Link to="/reports">{t('reports.nav.monthly')}</Link> },
    { key: 'weekly', label: <Link to="/reports/weekly">{t('reports.nav.weekly')}</Link> },
    ...(hasAny(roles, COLLECTION_EXCLUSION_ROLES)
      ? [{ key: 'exclusions', label: <Link to="/reports/collection-exclusions">{t('nav.collectionExclusions')}</Link> }]
      : []),
  ];
  return (
    <nav aria-label={t('reports.nav.label')} className="kehu-report-nav">
      <Menu mode="horizontal" items={items} selectedKeys={[reportOf(pathname)]} disabledOverflow />
    </nav>
  );
}
