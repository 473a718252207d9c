import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useCustomerSurveys } from '../api/queries';
import { DIMENSIONS, scoreColor } from '../lib/labels';
import { usePaneFeedback } from './PaneFeedback';
import { SurveyDrawer } from './SurveyDrawer';
import { SurveyLinkDrawer } from './SurveyLinkDrawer';
import '../care.css';

type Survey = Schemas['SurveyView'];

/** 满意度: the customer's surveys with their six scores; enter one, or send a link. */
export default function SurveysPane({ customer: c }: { customer: Schemas['CustomerView'] }) {
  const { t, i18n } = useTranslation();
  const surveys = useCustomerSurveys(c.id);
  const [drawer, setDrawer] = useState<'enter' | 'link' | null>(null);
  const feedback = usePaneFeedback(() => void surveys.refetch(), () => setDrawer(null));
  const active = c.status === 'active';

  return (
    <div className="kehu-care-pane">
      {feedback.node}
      {active && (
        <Space wrap className="kehu-gap">
          <Button icon={<PlusOutlined />} onClick={() => setDrawer('enter')}>
            {t('care.survey.enter')}
          </Button>
          <Button icon={<LinkOutlined />} onClick={() => setDrawer('link')}>
            {t('care.survey.link')}
          </Button>
        </Space>
      )}
      <Table<Survey>
        rowKey="id"
        size="small"
        loading={surveys.isPending}
        dataSource={surveys.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('care.survey.none') }}
        columns={[
          { key: 'period', title: t('care.survey.period'), dataIndex: 'period' },
          { key: 'product', title: t('care.survey.product'), render: (_, s) => s.product ?? '—' },
          {
            key: 'channel',
            title: t('care.survey.channel'),
            render: (_, s) => (
              <>
                {t(`care.survey.channels.${s.channel}`, { defaultValue: s.channel })}
                {!s.submitted_at && <Tag className="kehu-gap-left">{t('care.survey.waiting')}</Tag>}
              </>
            ),
          },
          ...DIMENSIONS.map((d) => ({
            key: d,
            title: t(`care.survey.dimensions.${d}`),
            render: (_: unknown, s: Survey) => {
              const score = s.scores?.[d];
              if (!score) return '—';
              const tag = <Tag color={scoreColor(score)}>{`${score} ${t(`care.survey.levels.${score}`)}`}</Tag>;
              const remark = s.remarks[d];
              return remark ? <Tooltip title={remark}>{tag}</Tooltip> : tag;
            },
          })),
          { key: 'respondent', title: t('care.survey.respondent'), render: (_, s) => s.respondent ?? '—' },
          { key: 'at', title: t('care.survey.submittedAt'), render: (_, s) => (s.submitted_at ? formatDateTime(s.submitted_at, i18n.language) : '—') },
          { key: 'followups', title: t('care.survey.followups'), align: 'right', render: (_, s) => (s.followups ? <Tag color="orange">{s.followups}</Tag> : '—') },
        ]}
      />
      <SurveyDrawer customerId={c.id} open={drawer === 'enter'} onClose={() => setDrawer(null)} onDone={() => feedback.done(t('care.survey.saved'))} {...feedback.outcome} />
      <SurveyLinkDrawer customerId={c.id} open={drawer === 'link'} onClose={() => setDrawer(null)} {...feedback.outcome} />
    </div>
  );
}
