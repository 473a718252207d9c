import { publicApi } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { endSession, startSession } from '../../../api/session';
import type { TokenResponse } from '../../../api/types';

export interface Credentials {
  username: string;
  password: string;
}

/** POST /auth/login; the server also sets the HttpOnly refresh cookie. */
export async function login(credentials: Credentials): Promise<TokenResponse> {
  const tokens = unwrap(await publicApi.POST('/api/v1/auth/login', { body: credentials }));
  startSession(tokens);
  return tokens;
}

/** POST /auth/logout; the session ends here even if the server is unreachable. */
export async function logout(): Promise<void> {
  try {
    await publicApi.POST('/api/v1/auth/logout', { body: {} });
  } catch {
    // The cookie then lives on until it expires; the in-memory token is gone anyway.
  }
  endSession('logout');
}
