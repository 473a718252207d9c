/** Where to go after login, carried in /login?next=... so a reload keeps it. */

export const HOME_PATH = '/tasks';

/** Only same-site paths: "/complaints?x=1" yes; "//evil.example", "https://..." no. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  if (next === '/' || next.startsWith('/login')) return HOME_PATH;
  return next;
}

export function loginPath(next: string): string {
  const target = safeNextPath(next);
  return target === HOME_PATH ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}
