import {
  AccountBookOutlined,
  BarChartOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  IdcardOutlined,
  ReconciliationOutlined,
  RollbackOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../api/types';
import { COLLECTION_EXCLUSION_ROLES, PAY_BASIS_READER_ROLES } from '../../lib/roles';

export interface NavItem {
  key: string;
  path: string;
  /** Catalog key of the label. */
  label: string;
  icon: ReactNode;
  /** Shown only to users with one of these roles (the server enforces it too). */
  roles?: readonly Role[];
  /** Counted badge: the number of open tasks. */
  countsTasks?: boolean;
}

export const SIDE_NAV: NavItem[] = [
  { key: 'tasks', path: '/tasks', label: 'nav.tasks', icon: <CheckSquareOutlined />, countsTasks: true },
  { key: 'complaints', path: '/complaints', label: 'nav.complaints', icon: <FileTextOutlined /> },
  { key: 'customers', path: '/customers', label: 'nav.customers', icon: <TeamOutlined /> },
  // Everyone: the server lists only the applications each may read.
  { key: 'returns', path: '/returns', label: 'nav.returns', icon: <RollbackOutlined /> },
  // 折让证明: everyone too, as the returns (the same read rule on the server).
  { key: 'allowances', path: '/allowances', label: 'nav.allowances', icon: <AccountBookOutlined /> },
  { key: 'reports', path: '/reports', label: 'nav.reports', icon: <BarChartOutlined /> },
  // 客户投诉周报: as the monthly table (the server answers 403 to those who may not read it).
  { key: 'weekly', path: '/reports/weekly', label: 'nav.weeklyReport', icon: <CalendarOutlined /> },
  // 客诉金额明细: accounting, executives, integration accounts and sales managers.
  {
    key: 'exclusions',
    path: '/reports/collection-exclusions',
    label: 'nav.collectionExclusions',
    icon: <ReconciliationOutlined />,
    roles: COLLECTION_EXCLUSION_ROLES,
  },
  // 人员基点: for those who read other people's basis (anyone may open it for his own).
  { key: 'pay', path: '/hr/pay-basis', label: 'nav.pay', icon: <IdcardOutlined />, roles: PAY_BASIS_READER_ROLES },
  // 客诉罚扣: everyone (a person sees his own items, charges and ledger).
  { key: 'penalties', path: '/penalties', label: 'nav.penalties', icon: <AuditOutlined /> },
  { key: 'settings', path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, roles: ['admin'] },
];

const sideItem = (key: string): NavItem => SIDE_NAV.find((item) => item.key === key)!;

/** Phone bottom tab bar: 待办 · 投诉 · 客户 · 我的 (returns waiting for me are reached from 待办). */
export const PHONE_TABS: NavItem[] = [
  sideItem('tasks'),
  sideItem('complaints'),
  sideItem('customers'),
  { key: 'me', path: '/me', label: 'nav.me', icon: <UserOutlined /> },
];

/** The nav key for a URL, by the longest matching item: "/complaints/42" -> "complaints", "/reports/collection-exclusions" -> "exclusions", "/reports/weekly" -> "weekly". */
export function activeNavKey(pathname: string): string {
  const match = SIDE_NAV.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? pathname.split('/')[1] ?? '';
}

export function visibleItems(items: NavItem[], roles: readonly Role[]): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}
