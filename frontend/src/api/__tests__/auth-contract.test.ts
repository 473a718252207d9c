import { describe, expectTypeOf, it } from 'vitest';
import type { components as Contract, paths as ContractPaths } from '../auth-types';
import type { components as Generated, paths as GeneratedPaths } from '../schema.gen';

type C = Contract['schemas'];
type G = Generated['schemas'];
type Ok<P, K extends keyof P, M extends string> = P[K] extends Record<M, { responses: infer R }>
  ? R extends Record<200, { content: { 'application/json': infer T } }>
    ? T
    : never
  : never;

/**
 * The auth endpoints are fixed; the SPA's session handling depends on these
 * exact shapes. `tsc` (npm run typecheck) fails here when the generated
 * schema drifts from them.
 */
describe('generated schema keeps the auth contract', () => {
  it('has the same auth schemas', () => {
    expectTypeOf<G['LoginRequest']>().toEqualTypeOf<C['LoginRequest']>();
    expectTypeOf<G['RefreshRequest']>().toEqualTypeOf<C['RefreshRequest']>();
    expectTypeOf<G['MeView']>().toEqualTypeOf<C['MeView']>();
    expectTypeOf<G['TokenResponse']>().toEqualTypeOf<C['TokenResponse']>();
    expectTypeOf<G['Problem']>().toEqualTypeOf<C['Problem']>();
    expectTypeOf<G['FieldError']>().toEqualTypeOf<C['FieldError']>();
    expectTypeOf<G['UnreadCount']>().toEqualTypeOf<C['UnreadCount']>();
  });

  it('has the auth paths with the same success bodies', () => {
    expectTypeOf<keyof ContractPaths>().toExtend<keyof GeneratedPaths>();
    expectTypeOf<Ok<GeneratedPaths, '/api/v1/auth/login', 'post'>>().toEqualTypeOf<C['TokenResponse']>();
    expectTypeOf<Ok<GeneratedPaths, '/api/v1/auth/refresh', 'post'>>().toEqualTypeOf<C['TokenResponse']>();
    expectTypeOf<Ok<GeneratedPaths, '/api/v1/me', 'get'>>().toEqualTypeOf<C['MeView']>();
    expectTypeOf<Ok<GeneratedPaths, '/api/v1/me/notifications/unread-count', 'get'>>().toEqualTypeOf<C['UnreadCount']>();
  });
});
