import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import { useRobots, type Robot } from '../api/robots';
import { RobotDrawer } from './RobotDrawer';
import { RobotPostsDrawer } from './RobotPostsDrawer';

/** Kept as a key so the message follows a language switch. */
interface Notice {
  type: 'success' | 'warning';
  key: 'settings.robots.added' | 'settings.robots.saved' | 'settings.robots.stale';
  name?: string;
}

/**
 * 群机器人: the WeCom, DingTalk and Feishu group chats that notices are
 * posted to; add, change (the address and secret are never shown again),
 * and each robot's latest posts.
 */
export function RobotsTab() {
  const { t } = useTranslation();
  const robots = useRobots();
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const [watching, setWatching] = useState<Robot | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function saved(robot: Robot, added: boolean) {
    setEditing(null);
    setNotice({ type: 'success', key: added ? 'settings.robots.added' : 'settings.robots.saved', name: robot.name });
  }

  function stale() {
    setEditing(null);
    setNotice({ type: 'warning', key: 'settings.robots.stale' });
    void robots.refetch();
  }

  const columns: TableProps<Robot>['columns'] = [
    { key: 'name', title: t('settings.robots.name'), render: (_, r) => r.name },
    { key: 'platform', title: t('settings.robots.platform'), render: (_, r) => t(`settings.robots.platforms.${r.platform}`, { defaultValue: r.platform }) },
    { key: 'address', title: t('settings.robots.address'), render: (_, r) => <span className="kehu-mono">{r.url_hint}</span> },
    { key: 'secret', title: t('settings.robots.signed'), render: (_, r) => (r.has_secret ? t('settings.robots.yes') : t('settings.robots.no')) },
    { key: 'language', title: t('settings.robots.language'), render: (_, r) => <span lang={r.language}>{t(`language.${r.language}`, { defaultValue: r.language })}</span> },
    { key: 'kinds', title: t('settings.robots.kinds'), render: (_, r) => t('settings.robots.kindCount', { count: r.kinds.length }) },
    {
      key: 'active',
      title: t('settings.robots.status'),
      render: (_, r) =>
        r.active ? (
          <Tag color="green" className="kehu-robot-status">
            {t('settings.robots.active')}
          </Tag>
        ) : (
          <Tag className="kehu-robot-status">{t('settings.robots.inactive')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('settings.actions'),
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(r)}>
            {t('settings.edit')}
          </Button>
          <Button type="link" onClick={() => setWatching(r)}>
            {t('settings.robots.posts')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="kehu-page__head">
        <span className="kehu-muted">{t('settings.robots.hint')}</span>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('settings.robots.new')}
        </Button>
      </div>
      <div aria-live="polite">
        {notice && (
          <Alert
            type={notice.type}
            showIcon
            closable
            role="status"
            message={t(notice.key, { name: notice.name })}
            onClose={() => setNotice(null)}
            className="kehu-gap"
          />
        )}
      </div>
      {robots.isError && <Alert type="error" showIcon role="alert" message={problemToFormErrors(robots.error, t).message} className="kehu-gap" />}
      <Table<Robot>
        rowKey="id"
        size="middle"
        loading={robots.isPending}
        columns={columns}
        dataSource={robots.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('settings.robots.none') }}
      />
      <RobotDrawer robot={editing} onClose={() => setEditing(null)} onSaved={saved} onStale={stale} />
      <RobotPostsDrawer robot={watching} onClose={() => setWatching(null)} />
    </>
  );
}
