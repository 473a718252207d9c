import { Alert, Drawer, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import { formatDateTime } from '../../../lib/format';
import { DeliveryStatusTag } from '../../notice-preferences/components/DeliveryStatusTag';
import { useRobotPosts, type Robot, type RobotPost } from '../api/robots';

/** What went wrong last: the platform's HTTP status and its words, or a dash once it went through. */
function lastError(p: RobotPost): string {
  if (p.status === 'delivered') return '—';
  const parts = [p.last_status_code ? `HTTP ${p.last_status_code}` : null, p.last_error ?? null].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

/** 发送记录: a group robot's latest posts, newest first, with where each stands and, while it is not sent, why. */
export function RobotPostsDrawer({ robot, onClose }: { robot: Robot | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const posts = useRobotPosts(robot?.id ?? null);
  const columns: TableProps<RobotPost>['columns'] = [
    { key: 'time', title: t('pages.me.notices.time'), width: 150, render: (_, p) => formatDateTime(p.created_at, i18n.language) },
    { key: 'kind', title: t('pages.me.notices.kind'), render: (_, p) => t(`noticeKinds.${p.kind}`, { defaultValue: p.kind }) },
    { key: 'status', title: t('pages.me.notices.statusLabel'), render: (_, p) => <DeliveryStatusTag status={p.status} /> },
    { key: 'attempts', title: t('pages.me.notices.attempts'), align: 'right', width: 90, render: (_, p) => p.attempts },
    { key: 'error', title: t('settings.robots.lastError'), className: 'kehu-robot-posts__error', render: (_, p) => lastError(p) },
  ];
  return (
    <Drawer open={robot !== null} title={t('settings.robots.postsOf', { name: robot?.name ?? '' })} onClose={onClose} destroyOnHidden width={760}>
      <p className="kehu-muted">{t('settings.robots.postsHint')}</p>
      {posts.isError && <Alert type="error" showIcon message={problemToFormErrors(posts.error, t).message} className="kehu-gap" />}
      <Table<RobotPost>
        rowKey="id"
        size="small"
        loading={posts.isPending && robot !== null}
        columns={columns}
        dataSource={posts.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('settings.robots.noPosts') }}
      />
    </Drawer>
  );
}
