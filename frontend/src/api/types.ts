/**
 * The one place the rest of the app imports API types from.
 * TODO(openapi): switch both imports to './schema.gen' once it is generated.
 */
import type { components } from './auth-types';
export type { paths } from './auth-types';

export type Schemas = components['schemas'];
export type Me = Schemas['MeView'];
export type TokenResponse = Schemas['TokenResponse'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
