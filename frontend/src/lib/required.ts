/**
 * A value a request body needs that the form's `rules` already require.
 * The rules keep submit from running without it; should one slip through
 * anyway, fail here as the server would (422, `required` at the field)
 * rather than send a value the user never picked.
 */
import { ApiError } from '../api/problem';

export function requiredValue<T>(value: T | null | undefined, field: string): T {
  if (value !== undefined && value !== null) return value;
  throw new ApiError(422, {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    detail: `${field} is required`,
    code: 'validation_failed',
    errors: [{ field, code: 'required', message: `${field} is required` }],
  });
}
