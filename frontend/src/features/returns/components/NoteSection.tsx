import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { NoteStateTag } from '../../../components/NoteStateTag';
import { StepDeadline } from '../../../components/StepDeadline';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { Fields, Prose } from '../../complaints/components/sections/CaseSection';
import { useNoteAction } from '../api/mutations';
import { issueWaitsFor, noteSignatures, orderNoteActions, proofText, toleranceText, type NoteAction, type NoteView } from '../lib/note';
import { NoteActionDrawer, type NoteDrawerAction } from './NoteActionDrawer';
import { NoteIssueDrawer } from './NoteIssueDrawer';
import { NoteLines } from './NoteLines';
import { NoteProofDrawer } from './NoteProofDrawer';
import { Section } from './ReturnSections';

type ReturnView = Schemas['ReturnView'];

/** Kept as keys so the message follows a language switch (a server failure stays as it came). */
type Outcome =
  | { type: 'success'; key: 'returns.note.issued'; number: string }
  | { type: 'success'; key: 'detail.done'; action: NoteAction }
  | { type: 'success'; key: 'returns.note.bookedDone' }
  | { type: 'success'; key: 'returns.proof.recorded' }
  | { type: 'warning'; key: 'returns.note.heldForDecision' }
  | { type: 'warning'; key: 'returns.detail.stale' }
  | { type: 'warning'; key: 'returns.service.conflict'; action: NoteAction | 'issue' | 'proof'; detail: string }
  | { type: 'error'; key: 'failure'; message: string };

/** The buttons' names for tests and the e2e walk (distinct from the application's own actions). */
const DATA_ACTION: Record<NoteAction, string> = {
  verify: 'verify-note',
  receive: 'receive-note',
  book: 'book-note',
  accept_excess: 'accept-excess',
  refuse_excess: 'refuse-excess',
  extend: 'extend-note',
};

interface Props {
  application: ReturnView;
  /** 412 or 409: the page refetches the application. */
  onRefresh: () => void;
}

/**
 * 成品退货单 of an approved application: the applicant issues it once the
 * goods were inspected and every original is in; then its number and state,
 * what sales wrote, the tolerance, the items (approved, received, booked),
 * who took each step, and the caller's steps from `available_actions`.
 */
export function NoteSection({ application: r, onRefresh }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const verify = useNoteAction();
  const [issuing, setIssuing] = useState(false);
  const [proving, setProving] = useState(false);
  const [action, setAction] = useState<NoteDrawerAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const note = r.note ?? null;

  // Another application: nothing said here belongs to it.
  useEffect(() => setOutcome(null), [r.id]);

  const stale = () => {
    setOutcome({ type: 'warning', key: 'returns.detail.stale' });
    onRefresh();
  };
  const conflict = (a: NoteAction | 'issue' | 'proof', detail: string) => {
    setOutcome({ type: 'warning', key: 'returns.service.conflict', action: a, detail });
    onRefresh();
  };

  async function runVerify() {
    setOutcome(null);
    try {
      await verify.mutateAsync({ id: r.id, version: r.version, action: 'verify', body: {} });
      setOutcome({ type: 'success', key: 'detail.done', action: 'verify' });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 412) stale();
      else if (p.status === 409) conflict('verify', p.message);
      else setOutcome({ type: 'error', key: 'failure', message: p.message });
    }
  }

  function done(a: NoteDrawerAction, saved: ReturnView) {
    setAction(null);
    const state = saved.note?.state;
    if (a === 'book' && state === 'awaits_decision') setOutcome({ type: 'warning', key: 'returns.note.heldForDecision' });
    else if (state === 'booked') setOutcome({ type: 'success', key: 'returns.note.bookedDone' });
    else setOutcome({ type: 'success', key: 'detail.done', action: a });
  }

  const conflictAction = (a: NoteAction | 'issue' | 'proof') =>
    a === 'issue' ? t('returns.note.issue') : a === 'proof' ? t('returns.proof.record') : t(`returns.noteAction.${a}`);
  const message = (o: Outcome) => {
    switch (o.key) {
      case 'failure':
        return o.message;
      case 'returns.note.issued':
        return t(o.key, { number: o.number });
      case 'detail.done':
        return t(o.key, { action: t(`returns.noteAction.${o.action}`) });
      case 'returns.service.conflict':
        return t(o.key, { action: conflictAction(o.action), detail: o.detail });
      default:
        return t(o.key);
    }
  };

  const size = phone ? 'large' : 'middle';
  const buttons: ReactNode[] = [];
  if (!note && r.can_issue_note) {
    buttons.push(
      <Button
        key="issue"
        size={size}
        type="primary"
        icon={<FileAddOutlined />}
        onClick={() => {
          setOutcome(null);
          setIssuing(true);
        }}
        data-action="issue-note"
      >
        {t('returns.note.issue')}
      </Button>,
    );
  }
  if (note?.can_record_proof) {
    buttons.push(
      <Button
        key="proof"
        size={size}
        type={note.proof_kind ? 'default' : 'primary'}
        onClick={() => {
          setOutcome(null);
          setProving(true);
        }}
        data-action="record-proof"
      >
        {t(note.proof_kind ? 'returns.proof.correct' : 'returns.proof.record')}
      </Button>,
    );
  }
  if (note) {
    for (const a of orderNoteActions(note.available_actions)) {
      const label = t(`returns.noteAction.${a}`);
      if (a === 'verify') {
        buttons.push(
          <Popconfirm key={a} title={t('returns.note.verifyConfirm')} okText={label} cancelText={t('common.cancel')} onConfirm={() => void runVerify()}>
            <Button size={size} type="primary" loading={verify.isPending} data-action="verify-note">
              {label}
            </Button>
          </Popconfirm>,
        );
      } else {
        buttons.push(
          <Button
            key={a}
            size={size}
            type={a === 'refuse_excess' || a === 'extend' ? 'default' : 'primary'}
            danger={a === 'refuse_excess'}
            onClick={() => {
              setOutcome(null);
              setAction(a);
            }}
            data-action={DATA_ACTION[a]}
          >
            {label}
          </Button>,
        );
      }
    }
    buttons.push(
      <Button key="print" size={size} icon={<PrinterOutlined />} onClick={() => navigate(`/returns/${r.id}/note/print`)} data-action="print-note">
        {t('returns.note.print')}
      </Button>,
    );
  }

  return (
    <Section
      id="section-note"
      title={t('returns.note.title')}
      extra={note && <StepDeadline dueAt={note.step_due_at} overdue={note.overdue} extended={note.step_extended} testId="note-deadline" />}
    >
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome.type} showIcon closable message={message(outcome)} onClose={() => setOutcome(null)} className="kehu-gap" role="status" />
        )}
      </div>
      {note ? <NoteBody application={r} note={note} /> : <Missing application={r} applicant={user?.id === r.raised_by.id} />}
      {buttons.length > 0 && (
        <Space wrap className={phone ? 'kehu-actions kehu-actions--block kehu-note-actions' : 'kehu-actions kehu-note-actions'}>
          {buttons}
        </Space>
      )}
      <NoteIssueDrawer
        application={r}
        open={issuing}
        onClose={() => setIssuing(false)}
        onStale={onRefresh}
        onConflict={(detail) => {
          setIssuing(false);
          conflict('issue', detail);
        }}
        onDone={(saved) => {
          setIssuing(false);
          setOutcome({ type: 'success', key: 'returns.note.issued', number: saved.note?.number ?? '' });
        }}
      />
      {note && (
        <NoteProofDrawer
          application={r}
          note={note}
          open={proving}
          onClose={() => setProving(false)}
          onStale={onRefresh}
          onConflict={(detail) => {
            setProving(false);
            conflict('proof', detail);
          }}
          onDone={() => {
            setProving(false);
            setOutcome({ type: 'success', key: 'returns.proof.recorded' });
          }}
        />
      )}
      {note && (
        <NoteActionDrawer
          application={r}
          note={note}
          action={action}
          onClose={() => setAction(null)}
          onStale={onRefresh}
          onConflict={(a, detail) => {
            setAction(null);
            conflict(a, detail);
          }}
          onDone={done}
        />
      )}
    </Section>
  );
}

/** No note yet: ready for the applicant, what it still waits for, or (to anyone else) just that. */
function Missing({ application: r, applicant }: { application: ReturnView; applicant: boolean }) {
  const { t } = useTranslation();
  if (r.can_issue_note) return <p data-testid="note-ready">{t('returns.note.ready')}</p>;
  if (!applicant) return <p className="kehu-muted" data-testid="note-none">{t('returns.note.none')}</p>;
  const waits = issueWaitsFor(r);
  if (!waits.inspection && waits.originals.length === 0) return <p className="kehu-muted" data-testid="note-none">{t('returns.note.none')}</p>;
  return (
    <div data-testid="note-waiting">
      <p>{t('returns.note.waiting')}</p>
      <ul className="kehu-note-waits">
        {waits.inspection && <li>{t('returns.note.waitInspection')}</li>}
        {waits.originals.length > 0 && (
          <li>
            {t('returns.note.waitOriginals', {
              list: waits.originals.map((o) => t(`returns.originals.kind.${o}`)).join(t('common.listSeparator')),
            })}
          </li>
        )}
      </ul>
    </div>
  );
}

/** The issued note: number, what sales wrote, the tolerance, the items, who took each step. */
function NoteBody({ application: r, note }: { application: ReturnView; note: NoteView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const signed = (name: string | null | undefined, at: string | null | undefined) =>
    name ? `${name}${at ? ` · ${formatDateTime(at, locale)}` : ''}` : null;
  const signatures = noteSignatures(r);

  return (
    <>
      <p className="kehu-note-head">
        {t('returns.note.number')} <strong data-testid="note-number">{note.number}</strong> <NoteStateTag state={note.state} />
      </p>
      {note.state === 'awaits_decision' && <Alert type="warning" showIcon className="kehu-gap" message={t('returns.note.awaitsHint')} />}
      <Fields
        rows={[
          { label: t('returns.note.reason'), value: <Prose>{note.reason}</Prose>, span: 2 },
          { label: t('returns.note.handling'), value: <Prose>{note.handling}</Prose>, span: 2 },
          { label: t('returns.note.basis'), value: <Prose>{note.basis}</Prose>, span: 2 },
          { label: t('returns.note.tolerance'), value: <span data-testid="note-tolerance">{toleranceText(note, t, locale)}</span>, span: 2 },
        ]}
      />
      <div role="group" aria-labelledby="note-lines-title" className="kehu-parts">
        <Typography.Title level={3} id="note-lines-title" className="kehu-parts__title">
          {t('returns.note.lines')}
        </Typography.Title>
        <NoteLines lines={note.lines} bp={note.applied_tolerance_bp} />
      </div>
      {note.state === 'to_book' && !note.proof_kind && (
        <Alert type="info" showIcon className="kehu-gap" message={t('returns.proof.pending')} data-testid="proof-pending" />
      )}
      <Fields
        rows={[
          ...signatures.map((s) => ({ label: t(`returns.note.step.${s.signer}`), value: signed(s.name, s.at) })),
          ...(note.booked_by ? [{ label: t('returns.note.bookedBy'), value: signed(note.booked_by.name, note.booked_at) }] : []),
          {
            label: t('returns.proof.title'),
            value: note.proof_kind ? (
              <span data-testid="note-proof">
                {proofText(note, t)}
                {note.proof_by && <span className="kehu-muted"> · {signed(note.proof_by.name, note.proof_at)}</span>}
              </span>
            ) : null,
            span: 2,
          },
        ]}
      />
    </>
  );
}
