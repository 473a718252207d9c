import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { PayBasisTab } from './PayBasisTab';
import { TeamsTab } from './TeamsTab';
import '../pay.css';

const TABS = ['basis', 'teams'] as const;

/**
 * 人员基点 (HR's page, read by finance, the coordinator, the executives and
 * department heads; anyone else sees his own): each person's base points,
 * monthly bonus and team, and the teams themselves.
 */
export default function PayBasisPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'basis';
  const content = { basis: <PayBasisTab />, teams: <TeamsTab /> };
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('pay.title')} />
      <Card className="kehu-pay">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: t(`pay.tabs.${key}`), children: content[key] }))}
        />
      </Card>
    </section>
  );
}
