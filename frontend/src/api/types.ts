/**
 * The one place the rest of the app imports API types from: the schema
 * generated from ../openapi/openapi.json by `npm run gen:api` (never edited by
 * hand). auth-types.ts holds the hand-written auth contract it is checked against.
 */
import type { components } from './schema.gen';
export type { paths } from './schema.gen';

export type Schemas = components['schemas'];
export type Me = Schemas['MeView'];
export type Role = Schemas['Role'];
export type TokenResponse = Schemas['TokenResponse'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
