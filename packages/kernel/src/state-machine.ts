import { IllegalTransitionError } from './errors';

/** A transition table `from → event → to`; anything not listed is illegal. */
export type TransitionTable<S extends string, E extends string> = Partial<Record<S, Partial<Record<E, S>>>>;

export function transition<S extends string, E extends string>(
  entity: string,
  table: TransitionTable<S, E>,
  from: S,
  event: E,
): S {
  const to = table[from]?.[event];
  if (!to) throw new IllegalTransitionError(entity, from, event);
  return to;
}
