import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDateTime } from '../../../lib/format';
import { useCreateWebhook, useSetWebhookActive, useWebhookDeliveries, useWebhooks, WEBHOOK_EVENTS } from '../api/queries';

type Webhook = Schemas['WebhookView'];
type Delivery = Schemas['DeliveryView'];
interface Values {
  url?: string;
  event_types?: string[];
  description?: string;
}

const STATUS_COLOR: Record<string, string> = { delivered: 'success', pending: 'processing', failed: 'error' };

function useEventLabel() {
  const { t } = useTranslation();
  return (type: string) => (type === '*' ? t('settings.webhooks.allEvents') : t(`settings.webhooks.events.${type}`, { defaultValue: type }));
}

/** A webhook's delivery log, newest first. */
function DeliveriesDrawer({ hook, onClose }: { hook: Webhook | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const eventLabel = useEventLabel();
  const log = useWebhookDeliveries(hook?.id ?? null);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (v?: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const columns: TableProps<Delivery>['columns'] = [
    { key: 'event', title: t('settings.webhooks.eventId'), render: (_, d) => <span className="kehu-mono">{d.event_id}</span> },
    { key: 'type', title: t('settings.webhooks.eventType'), render: (_, d) => eventLabel(d.event_type) },
    { key: 'status', title: t('settings.webhooks.status'), render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`settings.webhooks.deliveryStatus.${d.status}`, { defaultValue: d.status })}</Tag> },
    { key: 'attempts', title: t('settings.webhooks.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      key: 'last',
      title: t('settings.webhooks.lastAnswer'),
      render: (_, d) => (d.last_status_code ? `HTTP ${d.last_status_code}` : (d.last_error ?? '—')),
    },
    { key: 'created', title: t('settings.webhooks.queuedAt'), render: (_, d) => when(d.created_at) },
    { key: 'at', title: t('settings.webhooks.deliveredAt'), render: (_, d) => (d.status === 'pending' ? t('settings.webhooks.nextTry', { at: when(d.next_attempt_at) }) : when(d.delivered_at)) },
  ];
  return (
    <Drawer open={hook !== null} title={t('settings.webhooks.deliveriesOf', { url: hook?.url ?? '' })} onClose={onClose} destroyOnHidden width={880}>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isPending && hook !== null}
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('settings.webhooks.noDeliveries') }}
      />
      {log.hasNextPage && (
        <Button className="kehu-gap" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('settings.webhooks.more')}
        </Button>
      )}
    </Drawer>
  );
}

/** Webhooks: where the outbox's events are POSTed, signed; create, switch off and on, delivery log. */
export function WebhooksTab() {
  const { t, i18n } = useTranslation();
  const eventLabel = useEventLabel();
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const setActive = useSetWebhookActive();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [watching, setWatching] = useState<Webhook | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);

  async function submit(v: Values) {
    const events = v.event_types?.length ? v.event_types : ['*'];
    const made = await create.mutateAsync({
      url: v.url?.trim() ?? '',
      event_types: events.includes('*') ? ['*'] : events,
      description: v.description?.trim() || null,
    });
    setCreating(false);
    setNotice(null);
    setSecret({ url: made.url, secret: made.secret });
  }

  async function toggle(w: Webhook) {
    try {
      await setActive.mutateAsync({ id: w.id, version: w.version, active: !w.active });
      setNotice({ type: 'success', text: t('settings.saved') });
    } catch (failure) {
      setNotice({ type: 'error', text: problemToFormErrors(failure, t).message });
    }
  }

  const columns: TableProps<Webhook>['columns'] = [
    { key: 'url', title: t('settings.webhooks.url'), render: (_, w) => <span className="kehu-mono">{w.url}</span> },
    { key: 'events', title: t('settings.webhooks.eventTypes'), render: (_, w) => w.event_types.map((e) => <Tag key={e}>{eventLabel(e)}</Tag>) },
    { key: 'description', title: t('settings.webhooks.description'), render: (_, w) => w.description ?? '—' },
    { key: 'active', title: t('customers.status'), render: (_, w) => (w.active ? <Tag color="success">{t('settings.active')}</Tag> : <Tag>{t('settings.inactive')}</Tag>) },
    { key: 'created', title: t('settings.webhooks.createdAt'), render: (_, w) => formatDateTime(w.created_at, i18n.language) },
    {
      key: 'actions',
      title: t('settings.actions'),
      render: (_, w) => (
        <Space size={0}>
          <Button type="link" onClick={() => setWatching(w)}>
            {t('settings.webhooks.deliveries')}
          </Button>
          <Button type="link" danger={w.active} onClick={() => void toggle(w)}>
            {w.active ? t('settings.deactivate') : t('settings.reactivate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="kehu-page__head">
        <span className="kehu-muted">{t('settings.webhooks.hint')}</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('settings.webhooks.new')}
        </Button>
      </div>
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(null)}
          className="kehu-gap"
          message={t('settings.webhooks.secretOnce', { url: secret.url })}
          description={
            <>
              <Typography.Text code copyable className="kehu-webhook-secret">
                {secret.secret}
              </Typography.Text>
              <Typography.Paragraph type="secondary" className="kehu-gap">
                {t('settings.webhooks.signature')}
              </Typography.Paragraph>
            </>
          }
        />
      )}
      {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" />}
      <Table<Webhook>
        rowKey="id"
        size="middle"
        loading={hooks.isPending}
        columns={columns}
        dataSource={hooks.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('settings.webhooks.none') }}
      />
      <FormDrawer<Values>
        open={creating}
        title={t('settings.webhooks.new')}
        submitLabel={t('settings.save')}
        onClose={() => setCreating(false)}
        onSubmit={submit}
        busy={create.isPending}
        name="webhook"
        initialValues={{ event_types: ['*'] }}
        width={480}
      >
        <Form.Item
          name="url"
          label={t('settings.webhooks.url')}
          extra={t('settings.webhooks.urlHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: /^https?:\/\/\S+$/, message: t('settings.webhooks.urlInvalid') },
          ]}
        >
          <Input placeholder="https://erp.example.com/hooks/kehu" />
        </Form.Item>
        <Form.Item name="event_types" label={t('settings.webhooks.eventTypes')} extra={t('settings.webhooks.eventsHint')}>
          <Select mode="multiple" options={['*', ...WEBHOOK_EVENTS].map((e) => ({ value: e, label: eventLabel(e) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('settings.webhooks.description')} rules={[{ max: 200, message: t('settings.webhooks.descriptionLong') }]}>
          <Input />
        </Form.Item>
      </FormDrawer>
      <DeliveriesDrawer hook={watching} onClose={() => setWatching(null)} />
    </>
  );
}
