import {
  AccountBookOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  RollbackOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../api/types';

export interface NavItem {
  key: string;
  path: string;
  /** Catalog key of the label. */
  label: string;
  icon: ReactNode;
  /** Shown only to users with this role (the server enforces it too). */
  role?: Role;
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
  { key: 'settings', path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, role: 'admin' },
];

const sideItem = (key: string): NavItem => SIDE_NAV.find((item) => item.key === key)!;

/** Phone bottom tab bar: 待办 · 投诉 · 客户 · 我的 (returns waiting for me are reached from 待办). */
export const PHONE_TABS: NavItem[] = [
  sideItem('tasks'),
  sideItem('complaints'),
  sideItem('customers'),
  { key: 'me', path: '/me', label: 'nav.me', icon: <UserOutlined /> },
];

/** The nav key for a URL: "/complaints/42" -> "complaints". */
export function activeNavKey(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}

export function visibleItems(items: NavItem[], roles: readonly Role[]): NavItem[] {
  return items.filter((item) => !item.role || roles.includes(item.role));
}
