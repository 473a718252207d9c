import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Descriptions, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { CHECKS, type EightDView, type SectionName } from '../lib/report';

/** A name for a user id the report names (the server sends them in `people`). */
export function nameOf(view: EightDView): (id: number) => string {
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? `#${id}`;
}

function Prose({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation();
  return text?.trim() ? <div className="kehu-prose">{text}</div> : <Typography.Text type="secondary">{t('eightD.none')}</Typography.Text>;
}

/** One section's content as text, for readers who may not edit it. */
export function SectionReadOnly({ section, view }: { section: SectionName; view: EightDView }) {
  const { t, i18n } = useTranslation();
  const r = view.report;
  const name = nameOf(view);
  const day = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : '—');
  const list = <T,>(items: T[], render: (item: T) => ReactNode) =>
    items.length === 0 ? <Prose text={null} /> : <List size="small" dataSource={items} renderItem={(item) => <List.Item>{render(item)}</List.Item>} />;

  switch (section) {
    case 'team':
      return list(r.team, (m) => (
        <span>
          {name(m.user_id)} <span className="kehu-muted">· {t(`eightD.role.${m.role}`)}</span>
        </span>
      ));
    case 'problem':
      return <Prose text={r.problem} />;
    case 'containment':
      return list(r.containment, (c) => (
        <div>
          <strong>{t(`measure.${c.measure}`)}</strong> <span className="kehu-muted">{day(c.done_on)}</span>
          <Prose text={c.description} />
        </div>
      ));
    case 'root_cause':
      return (
        <>
          <p>{r.root_cause.methods.map((m) => t(`eightD.method.${m}`)).join(t('common.listSeparator')) || '—'}</p>
          <Prose text={r.root_cause.cause} />
        </>
      );
    case 'actions':
      return list(r.actions, (a) => (
        <div>
          <Prose text={a.action} />
          <span className="kehu-muted">
            {t('eightD.field.owner_id')} {name(a.owner_id)} · {t('eightD.field.due_on')} {day(a.due_on)} · {t('eightD.field.done_on')} {day(a.done_on)}
          </span>
        </div>
      ));
    case 'verification':
      return (
        <Descriptions
          size="small"
          column={1}
          items={CHECKS.map((check) => {
            const answer = r.verification[check];
            return {
              key: check,
              label: t(`eightD.check.${check}`),
              children: !answer ? (
                t('eightD.notAnswered')
              ) : (
                <span>
                  {answer.passed ? <CheckCircleFilled className="kehu-8d-ok" /> : <CloseCircleFilled className="kehu-8d-bad" />}{' '}
                  {t(answer.passed ? 'eightD.passed' : 'eightD.notPassed')} — {answer.evidence || '—'}
                </span>
              ),
            };
          })}
        />
      );
    case 'prevention':
      return (
        <>
          <p>{r.prevention.documents.map((d) => t(`eightD.document.${d}`)).join(t('common.listSeparator')) || '—'}</p>
          <Prose text={r.prevention.note} />
        </>
      );
    case 'closure':
      return r.closure ? (
        <>
          <Prose text={r.closure.summary} />
          <span className="kehu-muted">
            {t('eightD.field.closed_on')} {day(r.closure.closed_on)}
          </span>
        </>
      ) : (
        <Prose text={null} />
      );
  }
}
