import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { startSession } from '../../../api/session';

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

/**
 * POST /me/password. Every other session of the person ends; this one goes on
 * with the new tokens the answer carries (and the new refresh cookie).
 */
export async function changePassword(body: PasswordChange): Promise<void> {
  startSession(unwrap(await api.POST('/api/v1/me/password', { body })));
}
