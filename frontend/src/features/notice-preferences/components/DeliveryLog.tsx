import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useNoticeDeliveries } from '../api/queries';
import { SendLog } from './SendLog';

type Delivery = Schemas['NoticeDeliveryView'];

/** 发送记录: my latest e-mails, newest first, with where each stands and, while it is not sent, why. */
export function DeliveryLog() {
  const { t, i18n } = useTranslation();
  const log = useNoticeDeliveries();
  return (
    <SendLog<Delivery>
      title={t('pages.me.notices.log')}
      hint={t('pages.me.notices.logHint')}
      empty={t('pages.me.notices.empty')}
      log={log}
      columns={[
        { key: 'time', title: t('pages.me.notices.time'), width: 150, render: (_, d) => formatDateTime(d.created_at, i18n.language) },
        { key: 'kind', title: t('pages.me.notices.kind'), render: (_, d) => t(`noticeKinds.${d.kind}`, { defaultValue: d.kind }) },
      ]}
    />
  );
}
