import { Card, Skeleton, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { CalendarTab } from './CalendarTab';
import { DepartmentsTab } from './DepartmentsTab';
import { EightDPolicyTab } from './EightDPolicyTab';
import { FollowUpPolicyTab } from './FollowUpPolicyTab';
import { PenaltyPolicyTab } from './PenaltyPolicyTab';
import { ReturnsPolicyTab } from './ReturnsPolicyTab';
import { RobotsTab } from './RobotsTab';
import { TiersTab } from './TiersTab';
import { UsersTab } from './UsersTab';
import { WebhooksTab } from './WebhooksTab';
import '../settings.css';

const ArchivePolicyTab = lazy(() => import('../../care/components/PolicyTabs').then((m) => ({ default: m.ArchivePolicyTab })));
const CarePolicyTab = lazy(() => import('../../care/components/PolicyTabs').then((m) => ({ default: m.CarePolicyTab })));

const TABS = ['users', 'departments', 'tiers', 'calendar', 'archive', 'care', 'returns', 'eightD', 'penalty', 'follow-up', 'webhooks', 'robots'] as const;

/** 设置 (administrators): users, departments, approval tiers, holiday calendar, customer archive, care, returns, 8D report, penalty and follow-up policies, webhooks, group robots. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'users';
  const later = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;
  const content = {
    users: <UsersTab />,
    departments: <DepartmentsTab />,
    tiers: <TiersTab />,
    calendar: <CalendarTab />,
    archive: later(<ArchivePolicyTab />),
    care: later(<CarePolicyTab />),
    returns: <ReturnsPolicyTab />,
    eightD: <EightDPolicyTab />,
    penalty: <PenaltyPolicyTab />,
    'follow-up': <FollowUpPolicyTab />,
    webhooks: <WebhooksTab />,
    robots: <RobotsTab />,
  };
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
