/**
 * The auth contract the SPA was built against, hand-written in the shape
 * openapi-typescript generates (paths / components / operations).
 *
 * The app itself now uses the generated schema.gen.ts (see types.ts; run
 * `npm run gen:api` after ../openapi/openapi.json changes). This file stays as
 * the fixed contract: __tests__/auth-contract.test.ts fails the typecheck if
 * the generated schema drifts from it. Should openapi.json ever be missing
 * again, point types.ts back here and the client keeps working.
 */

import type { components as Generated } from './schema.gen';

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ProblemResponse = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': components['schemas']['Problem'] };
};
type NoContent = { headers: { [name: string]: unknown }; content?: never };

export interface components {
  schemas: {
    /** `refresh_in_body` only for clients without cookies; the SPA leaves it out. */
    LoginRequest: { username: string; password: string; refresh_in_body?: boolean };
    /** Empty for browsers: the HttpOnly `kehu_refresh` cookie carries the token. */
    RefreshRequest: { refresh_token?: string | null };
    MeView: {
      id: number;
      username: string;
      display_name: string;
      department_id: number;
      department_name: string;
      /** Role codes, see glossary.md; the set is the server's Role enum. */
      roles: Generated['schemas']['Role'][];
      org_id: number;
      /** The company, as its printed forms name it. */
      org_name: string;
    };
    TokenResponse: {
      access_token: string;
      token_type: string;
      /** Seconds until the access token expires. */
      expires_in: number;
      /** Absent for browsers: the HttpOnly cookie carries it. */
      refresh_token?: string | null;
      user: components['schemas']['MeView'];
    };
    FieldError: { field: string; code: Generated['schemas']['FieldCode']; message: string };
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: Generated['schemas']['ProblemCode'];
      errors?: components['schemas']['FieldError'][];
      request_id?: string | null;
    };
    UnreadCount: { count: number };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export interface operations {
  login: {
    parameters: NoParams;
    requestBody: { content: { 'application/json': components['schemas']['LoginRequest'] } };
    responses: {
      200: Json<components['schemas']['TokenResponse']>;
      400: ProblemResponse;
      401: ProblemResponse;
      422: ProblemResponse;
      429: ProblemResponse;
    };
  };
  refresh: {
    parameters: NoParams;
    requestBody?: { content: { 'application/json': components['schemas']['RefreshRequest'] } };
    responses: {
      200: Json<components['schemas']['TokenResponse']>;
      401: ProblemResponse;
    };
  };
  logout: {
    parameters: NoParams;
    requestBody?: { content: { 'application/json': components['schemas']['RefreshRequest'] } };
    responses: { 204: NoContent };
  };
  getMe: {
    parameters: NoParams;
    requestBody?: never;
    responses: {
      200: Json<components['schemas']['MeView']>;
      401: ProblemResponse;
    };
  };
  unreadNotificationCount: {
    parameters: NoParams;
    requestBody?: never;
    responses: {
      200: Json<components['schemas']['UnreadCount']>;
      401: ProblemResponse;
    };
  };
}

type Post<Op> = {
  parameters: NoParams;
  get?: never;
  put?: never;
  post: Op;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type Get<Op> = Omit<Post<never>, 'get' | 'post'> & { get: Op; post?: never };

export interface paths {
  '/api/v1/auth/login': Post<operations['login']>;
  '/api/v1/auth/refresh': Post<operations['refresh']>;
  '/api/v1/auth/logout': Post<operations['logout']>;
  '/api/v1/me': Get<operations['getMe']>;
  '/api/v1/me/notifications/unread-count': Get<operations['unreadNotificationCount']>;
}
