import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../api/types';
import { useSession } from '../../auth/hooks/useSession';
import { useCustomerList } from '../api/queries';
import { HANDOVER_ROLES } from '../lib/options';

const REVIEWERS: readonly Role[] = ['sales_manager', 'gm'];

const CARE_SECTIONS = ['requests', 'visits', 'verifications', 'surveys', 'reports'];
/** Who decides credit and deregistration requests. */
const DECIDERS: readonly Role[] = ['sales_manager', 'gm', 'deputy_gm'];

/** The current section: 客户一览表 · 待审核 · 档案借阅 · 离职交接 · 审批 · 回访 · 核实 · 满意度 · 报表. */
export function sectionOf(pathname: string, search: string): string {
  const care = CARE_SECTIONS.find((s) => pathname.startsWith(`/customers/${s}`));
  if (care) return care;
  if (pathname.startsWith('/customers/access')) return 'access';
  if (pathname.startsWith('/customers/handover')) return 'handover';
  return new URLSearchParams(search).get('status') === 'pending_review' ? 'review' : 'list';
}

/** Registrations waiting for this reviewer (first page: "50+" past it). */
function useReviewCount(enabled: boolean): string | undefined {
  const list = useCustomerList({ status: 'pending_review' }, enabled);
  if (!enabled || !list.data) return undefined;
  const first = list.data.pages[0];
  if (!first || first.items.length === 0) return undefined;
  return first.next_cursor ? `${first.items.length}+` : String(first.items.length);
}

/** The customer archive's own navigation, above its pages. */
export function CustomerSectionNav() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const roles = useSession().user?.roles ?? [];
  const reviewer = roles.some((r) => REVIEWERS.includes(r));
  const count = useReviewCount(reviewer);
  const items: MenuProps['items'] = [
    { key: 'list', label: <Link to="/customers">{t('customer.list')}</Link> },
    {
      key: 'review',
      label: (
        <Link to="/customers?status=pending_review" aria-label={count ? t('customers.nav.reviewWithCount', { n: count }) : undefined}>
          {t('customers.statuses.pending_review')}
          {count && <Badge count={count} className="kehu-nav__badge" aria-hidden />}
        </Link>
      ),
    },
    { key: 'access', label: <Link to="/customers/access">{t('customers.nav.access')}</Link> },
    ...(roles.some((r) => HANDOVER_ROLES.includes(r))
      ? [{ key: 'handover', label: <Link to="/customers/handover">{t('customer.handover')}</Link> }]
      : []),
    ...(roles.some((r) => DECIDERS.includes(r)) ? [{ key: 'requests', label: <Link to="/customers/requests">{t('care.nav.requests')}</Link> }] : []),
    { key: 'visits', label: <Link to="/customers/visits">{t('care.nav.visits')}</Link> },
    { key: 'verifications', label: <Link to="/customers/verifications">{t('care.nav.verifications')}</Link> },
    { key: 'surveys', label: <Link to="/customers/surveys">{t('care.nav.surveys')}</Link> },
    { key: 'reports', label: <Link to="/customers/reports">{t('care.nav.reports')}</Link> },
  ];
  return (
    <nav aria-label={t('customers.nav.label')} className="kehu-subnav">
      <Menu mode="horizontal" items={items} selectedKeys={[sectionOf(pathname, search)]} disabledOverflow />
    </nav>
  );
}
