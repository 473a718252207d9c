import type { Schemas } from '../../../api/types';

type Marks = Schemas['MarksView'];
export type Follow = Schemas['IrrationalFollow'];

/** The marks drawer's form: a switch and a reason per mark (and how an irrational case is followed). */
export interface MarksValues {
  human_negligence?: { on?: boolean; reason?: string };
  irrational?: { on?: boolean; follow?: Follow; reason?: string };
}

export function initialMarks(view: Marks): MarksValues {
  return {
    human_negligence: { on: !!view.human_negligence, reason: view.human_negligence?.reason ?? '' },
    irrational: { on: !!view.irrational, follow: view.irrational?.follow ?? 'watch', reason: view.irrational?.reason ?? '' },
  };
}

/** The marks as they stand, in the body's shape: what a save sends for the part it leaves alone. */
export function currentBody(view: Marks): Schemas['MarksBody'] {
  const { human_negligence: n, irrational: i } = view;
  return {
    human_negligence: n ? { reason: n.reason } : null,
    irrational: i ? { follow: i.follow, reason: i.reason } : null,
  };
}

/**
 * The PUT body: the server takes both marks as they should be and clears a
 * part left out, so the part the caller may not change goes back as it is
 * (the server then asks no permission for it).
 */
export function marksBody(view: Marks, values: MarksValues): Schemas['MarksBody'] {
  const body = currentBody(view);
  if (view.can_mark_negligence) {
    const n = values.human_negligence;
    body.human_negligence = n?.on ? { reason: (n.reason ?? '').trim() } : null;
  }
  if (view.can_mark_irrational) {
    const i = values.irrational;
    body.irrational = i?.on ? { follow: i.follow ?? 'watch', reason: (i.reason ?? '').trim() } : null;
  }
  return body;
}

/**
 * The form field a bare `reason` in a 422 belongs to: the server checks each
 * mark the save sets or changes, and names only `reason`.
 */
export function reasonField(view: Marks, body: Schemas['MarksBody']): string {
  const n = body.human_negligence;
  if (n && n.reason !== view.human_negligence?.reason) return 'human_negligence.reason';
  const i = body.irrational;
  if (i && (i.reason !== view.irrational?.reason || i.follow !== view.irrational?.follow)) return 'irrational.reason';
  return view.can_mark_negligence ? 'human_negligence.reason' : 'irrational.reason';
}
