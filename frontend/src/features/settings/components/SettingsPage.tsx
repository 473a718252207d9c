import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { CalendarTab } from './CalendarTab';
import { DepartmentsTab } from './DepartmentsTab';
import { TiersTab } from './TiersTab';
import { UsersTab } from './UsersTab';
import '../settings.css';

const TABS = ['users', 'departments', 'tiers', 'calendar'] as const;

/** 设置 (administrators): users, departments, approval tiers, holiday calendar. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'users';
  const content = { users: <UsersTab />, departments: <DepartmentsTab />, tiers: <TiersTab />, calendar: <CalendarTab /> };
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('pages.settings.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: t(`settings.tabs.${key}`), children: content[key] }))}
        />
      </Card>
    </section>
  );
}
