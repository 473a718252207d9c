import { Alert, Card, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Schemas } from '../../../api/types';
import { useCaseContacts } from '../api/queries';
import { CONTACTS_SECTION, inOrder, type Contact, type ContactKind } from '../lib/contacts';
import { ContactForm } from './ContactForm';
import { ContactItem } from './ContactItem';
import '../contacts.css';

interface Feedback {
  type: 'success' | 'warning';
  text: string;
}

/**
 * 客户沟通 on the case: the first reply to the customer (from the
 * registration) and the close confirmation (from a resolved close), each
 * once its clock started. Shown only when the case has any; a failed read
 * hides it too (the case is the page's business).
 */
export function ContactsSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const contacts = useCaseContacts(c.id, !!c.number);
  // By kind: after a 412 the form records the contact as read again.
  const [recording, setRecording] = useState<ContactKind | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const version = useRef(c.version);
  const scrolled = useRef(false);

  // The case read again and changed (registered, closed): a clock may have started.
  useEffect(() => {
    if (version.current === c.version) return;
    version.current = c.version;
    void contacts.refetch({ cancelRefetch: false });
  }, [c.version]);

  const items = inOrder(contacts.data?.items ?? []);
  const visible = items.length > 0;

  // The page scrolls to a #section-… on arrival, before this section's read settles: do it here then.
  useEffect(() => {
    if (!visible || scrolled.current || hash !== `#${CONTACTS_SECTION}`) return;
    scrolled.current = true;
    const el = document.getElementById(CONTACTS_SECTION);
    if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [visible, hash]);

  if (!visible) return null;
  const chosen = recording ? (items.find((k) => k.kind === recording) ?? null) : null;

  const done = (saved: Contact) => {
    setRecording(null);
    setFeedback({ type: 'success', text: t(`contacts.saved.${saved.kind}`) });
  };

  return (
    <Card
      id={CONTACTS_SECTION}
      size="small"
      className="kehu-section kehu-case-contacts"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('contacts.title')}
        </Typography.Title>
      }
    >
      <div aria-live="polite">
        {feedback && <Alert type={feedback.type} showIcon closable role="status" className="kehu-gap" message={feedback.text} onClose={() => setFeedback(null)} />}
      </div>
      <ul className="kehu-case-contacts__list" aria-label={t('contacts.list')}>
        {items.map((k) => (
          <ContactItem
            key={k.kind}
            complaintId={c.id}
            contact={k}
            onRecord={(picked) => {
              setFeedback(null);
              setRecording(picked.kind);
            }}
          />
        ))}
      </ul>
      <ContactForm
        complaintId={c.id}
        contact={chosen}
        onClose={() => setRecording(null)}
        onDone={done}
        onConflict={() => {
          setRecording(null);
          setFeedback({ type: 'warning', text: t('contacts.conflict') });
          void contacts.refetch();
        }}
        onStale={() => void contacts.refetch()}
      />
    </Card>
  );
}
