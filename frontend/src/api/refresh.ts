/**
 * Single-flight session refresh: however many callers ask at once (concurrent
 * 401s, app start), exactly one POST /auth/refresh is in flight and everyone
 * awaits the same answer.
 */
import { endSession, getSession, startSession } from './session';
import type { TokenResponse } from './types';

export type RefreshOutcome = 'refreshed' | 'ended' | 'network_error';
export type Refresher = () => Promise<RefreshOutcome>;

export function createRefresher(fetchImpl: typeof fetch, baseUrl: string): Refresher {
  let inflight: Promise<RefreshOutcome> | null = null;

  async function refreshOnce(): Promise<RefreshOutcome> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
      });
    } catch {
      // Offline or server unreachable: keep the session; the caller shows an error.
      return 'network_error';
    }
    if (!response.ok) {
      // Only a session that existed can have expired; at app start there was none.
      endSession(getSession().status === 'authenticated' ? 'expired' : null);
      return 'ended';
    }
    startSession((await response.json()) as TokenResponse);
    return 'refreshed';
  }

  return () => {
    inflight ??= refreshOnce().finally(() => {
      inflight = null;
    });
    return inflight;
  };
}
