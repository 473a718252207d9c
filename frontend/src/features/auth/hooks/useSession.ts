import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Session } from '../../../api/session';

/** The in-memory session (status, user, token), re-rendering on change. */
export function useSession(): Session {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
