import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useSetOriginals } from '../api/mutations';
import { canonicalOriginals, ORIGINALS, sameOriginals, type Original } from '../lib/service';
import { Section } from './ReturnSections';

type ReturnView = Schemas['ReturnView'];

/** Kept as keys so the message follows a language switch (a server failure stays as it came). */
type Outcome =
  | { type: 'success'; key: 'returns.originals.saved' }
  | { type: 'warning'; key: 'returns.detail.stale' }
  | { type: 'warning'; key: 'returns.service.conflict'; detail: string }
  | { type: 'error'; key: 'failure'; message: string };

interface Props {
  application: ReturnView;
  /** 412 or 409: the page refetches the application. */
  onRefresh: () => void;
}

/**
 * 原件收集: 合同, 收据, 送货单, 保修卡, 装箱单 — collected or missing. Customer
 * service and the applicant tick them and save the whole set (If-Match);
 * everyone else reads it.
 */
export function OriginalsSection({ application: r, onRefresh }: Props) {
  const { t } = useTranslation();
  const mutation = useSetOriginals();
  const [ticked, setTicked] = useState<Original[]>(r.originals_collected);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const saved = r.originals_collected;

  // A new version (saved here, or changed by someone else) shows what the server holds.
  useEffect(() => setTicked(r.originals_collected), [r.version]);

  const dirty = !sameOriginals(ticked, saved);
  const label = (o: Original) => t(`returns.originals.kind.${o}`);

  async function save() {
    setOutcome(null);
    try {
      await mutation.mutateAsync({ id: r.id, version: r.version, collected: canonicalOriginals(ticked) });
      setOutcome({ type: 'success', key: 'returns.originals.saved' });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 412) {
        setOutcome({ type: 'warning', key: 'returns.detail.stale' });
        onRefresh();
      } else if (p.status === 409) {
        setOutcome({ type: 'warning', key: 'returns.service.conflict', detail: p.message });
        onRefresh();
      } else setOutcome({ type: 'error', key: 'failure', message: p.message });
    }
  }

  const message = (o: Outcome) => {
    switch (o.key) {
      case 'failure':
        return o.message;
      case 'returns.service.conflict':
        return t(o.key, { action: t('returns.event.collect_originals'), detail: o.detail });
      default:
        return t(o.key);
    }
  };

  const progress = (
    <Tag color={saved.length === ORIGINALS.length ? 'success' : 'warning'} data-testid="originals-progress">
      {t('returns.originals.progress', { done: saved.length, total: ORIGINALS.length })}
    </Tag>
  );

  return (
    <Section id="section-originals" title={t('returns.originals.title')} extra={progress}>
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome.type} showIcon closable message={message(outcome)} onClose={() => setOutcome(null)} className="kehu-gap" role="status" />
        )}
      </div>
      {r.can_collect_originals ? (
        <>
          <p className="kehu-muted">{t('returns.originals.hint')}</p>
          <div role="group" aria-label={t('returns.originals.list')}>
            <Checkbox.Group<Original>
              className="kehu-originals"
              value={ticked}
              onChange={(next) => setTicked(next)}
              disabled={mutation.isPending}
              options={ORIGINALS.map((o) => ({ value: o, label: label(o) }))}
            />
          </div>
          <div className="kehu-originals__foot">
            <Button type="primary" onClick={() => void save()} loading={mutation.isPending} disabled={!dirty} data-action="save-originals">
              {t('common.save')}
            </Button>
            {!dirty && <span className="kehu-muted">{t('returns.originals.unchanged')}</span>}
          </div>
        </>
      ) : (
        <ul className="kehu-originals kehu-originals--read" aria-label={t('returns.originals.list')}>
          {ORIGINALS.map((o) => {
            const collected = saved.includes(o);
            return (
              <li key={o} data-testid={`original-${o}`} data-collected={collected}>
                {collected ? <CheckCircleFilled className="kehu-originals__yes" aria-hidden /> : <MinusCircleOutlined className="kehu-muted" aria-hidden />}
                <span>{label(o)}</span>
                <Tag color={collected ? 'success' : 'default'}>{t(collected ? 'returns.originals.collected' : 'returns.originals.missing')}</Tag>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
