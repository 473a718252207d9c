import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useNoticeDigests } from '../api/queries';
import { SendLog } from './SendLog';

type Digest = Schemas['NoticeDigestView'];

/** 汇总邮件记录: my latest daily digests, newest first: the time each covers, how many notices, where each stands and, while it is not sent, why. */
export function DigestLog() {
  const { t, i18n } = useTranslation();
  const log = useNoticeDigests();
  return (
    <SendLog<Digest>
      title={t('pages.me.notices.digestLog')}
      hint={t('pages.me.notices.digestLogHint')}
      empty={t('pages.me.notices.digestEmpty')}
      log={log}
      columns={[
        {
          key: 'period',
          title: t('pages.me.notices.digestPeriod'),
          width: 240,
          render: (_, d) => `${formatDateTime(d.covers_from, i18n.language)} – ${formatDateTime(d.covers_until, i18n.language)}`,
        },
        { key: 'count', title: t('pages.me.notices.digestCount'), align: 'right', width: 70, render: (_, d) => d.item_count },
      ]}
    />
  );
}
