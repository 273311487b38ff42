import { ValidationError } from '@sc/kernel';

/**
 * The id a mutation acts on, from `input: { <name> }` or — for clients written
 * before the mutation took one `input` object (issue 17) — from the deprecated
 * bare argument `<name>`. Exactly one of the two forms; the README lists the
 * deprecated arguments and the date after which they go.
 */
export function idFromInputOrDeprecated<K extends string>(
  args: { input?: { [k in K]: string } | null } & { [k in K]?: string | null },
  name: K,
): string {
  const fromInput = args.input?.[name];
  const bare = args[name] as string | null | undefined;
  if (fromInput != null && bare != null)
    throw new ValidationError(name, 'ONE_FORM', `pass input.${name} only (the bare ${name} is deprecated)`);
  const id = fromInput ?? bare;
  if (id == null) throw new ValidationError('input', 'REQUIRED', `pass input: { ${name} }`);
  return id;
}
