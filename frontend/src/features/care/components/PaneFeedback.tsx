import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';

interface Feedback {
  type: 'success' | 'warning';
  message: string;
  detail?: string;
}

/**
 * A pane's one-line outcome: success after a drawer, or a 409 (the record
 * moved on: the drawer closes, the server's words shown, the data refetched).
 */
export function usePaneFeedback(refetch: () => void, closeDrawer: () => void) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const outcome: ActionOutcome = {
    onConflict: (message, detail) => {
      closeDrawer();
      setFeedback({ type: 'warning', message: t('customers.conflict', { message }), detail });
      refetch();
    },
    onStale: refetch,
  };
  const done = (message: string) => {
    closeDrawer();
    setFeedback({ type: 'success', message });
  };
  const node = (
    <div aria-live="polite">
      {feedback && (
        <Alert
          type={feedback.type}
          showIcon
          closable
          role="status"
          className="kehu-gap"
          message={feedback.message}
          description={feedback.detail}
          onClose={() => setFeedback(null)}
        />
      )}
    </div>
  );
  return { node, outcome, done, clear: () => setFeedback(null) };
}
