/**
 * 签呈 (petitions): a department head puts a dispute about a case in writing
 * and the general manager decides it, possibly sending the case back to an
 * earlier step. What a reader may do always comes from the server
 * (`can_raise`, `available_actions`); these are the forms' shapes.
 */
import type { Role, Schemas } from '../../../api/types';

/** The complaint page's 签呈 section: My tasks and the notices open the case there. */
export const PETITION_SECTION = 'section-petitions';

export type Petition = Schemas['PetitionView'];
export type PetitionAction = Schemas['PetitionAction'];
export type State = Schemas['State'];

/** The raise drawer's form. */
export interface RaiseValues {
  subject?: string;
  content?: string;
  return_to?: State | null;
}

/** The decide drawer's form (withdraw has none). */
export interface DecideValues {
  decision?: string;
  return_to?: State | null;
}

export function petitionBody(values: RaiseValues): Schemas['PetitionBody'] {
  return {
    subject: (values.subject ?? '').trim(),
    content: (values.content ?? '').trim(),
    return_to: values.return_to ?? null,
  };
}

/** `decide` sends the decision and the step the case goes back to (if any); `withdraw` nothing. */
export function petitionActionBody(action: PetitionAction, values: DecideValues): Schemas['PetitionActionBody'] {
  if (action === 'withdraw') return {};
  return { decision: (values.decision ?? '').trim(), return_to: values.return_to ?? null };
}

/** Who decides petitions (and so has the box in My tasks): the general manager. */
export function mayDecidePetitions(roles: readonly Role[] | undefined): boolean {
  return !!roles?.includes('gm');
}
