/**
 * The session, held in memory only. The access token never touches
 * localStorage or sessionStorage: a page reload restores the session through
 * the HttpOnly refresh cookie instead (see refresh.ts).
 */
import type { Me, TokenResponse } from './types';

export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous';
/** Why the session ended, so the login page can say so. */
export type EndReason = 'logout' | 'expired' | null;

export interface Session {
  status: SessionStatus;
  accessToken: string | null;
  user: Me | null;
  endReason: EndReason;
}

const initial: Session = { status: 'unknown', accessToken: null, user: null, endReason: null };
let current: Session = initial;
const listeners = new Set<() => void>();

function publish(next: Session): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): Session {
  return current;
}

export function getAccessToken(): string | null {
  return current.accessToken;
}

export function startSession(tokens: TokenResponse): void {
  publish({ status: 'authenticated', accessToken: tokens.access_token, user: tokens.user, endReason: null });
}

export function endSession(reason: EndReason): void {
  publish({ status: 'anonymous', accessToken: null, user: null, endReason: reason });
}

/** For useSyncExternalStore. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Test helper: back to the state of a fresh page load. */
export function resetSessionForTests(): void {
  publish(initial);
}
