import { AuditOutlined, FileTextOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import type { Petition, PetitionAction, State } from '../lib/petition';

const STATE_COLOR: Record<Petition['state'], string> = { pending: 'processing', decided: 'success', withdrawn: 'default' };

/** Where a petition stands, in words (the colour only repeats them). */
export function PetitionStateTag({ state }: { state: Petition['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`petition.state.${state}`)}</Tag>;
}

interface Props {
  view: Schemas['PetitionsView'];
  /** The case is closed: no new petition, whatever the view says. */
  closed: boolean;
  onRaise: () => void;
  onAct: (petition: Petition, action: PetitionAction) => void;
}

/**
 * 签呈 on the case: each petition (newest first) with its subject, who raised
 * it, what it says and the step it asks to go back to, then the general
 * manager's decision; 发起签呈 for the department heads the server lets, and
 * 裁决 / 撤回 as each petition's `available_actions` say.
 */
export function PetitionPanel({ view, closed, onRaise, onAct }: Props) {
  const { t } = useTranslation();
  return (
    <div data-testid="case-petitions">
      {view.items.length === 0 && <p className="kehu-muted kehu-petitions__hint">{t('petition.none')}</p>}
      {view.items.length > 0 && (
        <ul className="kehu-petitions__list" aria-label={t('petition.list')}>
          {view.items.map((p) => (
            <PetitionItem key={p.id} petition={p} onAct={onAct} />
          ))}
        </ul>
      )}
      {view.can_raise && !closed && (
        <Button icon={<FileTextOutlined />} onClick={onRaise} className="kehu-gap-top">
          {t('petition.raise')}
        </Button>
      )}
    </div>
  );
}

function PetitionItem({ petition: p, onAct }: { petition: Petition; onAct: Props['onAct'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const state = (s: State) => t(`state.${s}`, { defaultValue: s });
  return (
    <li className="kehu-petition" data-testid={`petition-${p.id}`}>
      <div className="kehu-petition__head">
        <PetitionStateTag state={p.state} />
        <span className="kehu-petition__subject">{p.subject}</span>
      </div>
      <div className="kehu-muted kehu-petition__by">
        {t('petition.raisedBy', { department: p.department.name, name: p.raised_by.name, time: formatDateTime(p.raised_at, locale) })}
      </div>
      <div className="kehu-petition__text">
        <span className="kehu-muted">{t('petition.contentLabel')}</span>
        {p.content}
      </div>
      {p.return_to && (
        <div className="kehu-petition__text">
          <span className="kehu-muted">{t('petition.askedReturn')}</span>
          {state(p.return_to)}
        </div>
      )}
      {p.decided_by && p.state !== 'pending' && (
        <div className="kehu-muted kehu-petition__by">
          {t(`petition.decidedBy.${p.state}`, { name: p.decided_by.name, time: p.decided_at ? formatDateTime(p.decided_at, locale) : '' })}
        </div>
      )}
      {p.decision && (
        <div className="kehu-petition__text">
          <span className="kehu-muted">{t('petition.decisionLabel')}</span>
          {p.decision}
        </div>
      )}
      {p.returned_to && (
        <div className="kehu-petition__text">
          <span className="kehu-muted">{t('petition.returnedTo')}</span>
          {state(p.returned_to)}
        </div>
      )}
      {p.available_actions.length > 0 && (
        <div className="kehu-petition__actions">
          {p.available_actions.includes('decide') && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => onAct(p, 'decide')}>
              {t('petition.action.decide')}
            </Button>
          )}
          {p.available_actions.includes('withdraw') && (
            <Button danger icon={<RollbackOutlined />} onClick={() => onAct(p, 'withdraw')}>
              {t('petition.action.withdraw')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
