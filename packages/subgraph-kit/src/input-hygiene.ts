import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { ValidationError } from '@sc/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** C0 controls and DEL, except tab, line feed and carriage return (free text keeps its lines). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Longest text a field takes; images travel base64-encoded in fields named …Png / …Base64. */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_BINARY_TEXT_LENGTH = 3_000_000;

/**
 * Input hygiene once, for every field of the subgraph: before any resolver
 * runs, each argument is checked against its type — an `ID` must be a UUID,
 * no string may hold control characters (tab and line breaks aside) or be
 * longer than its bound — so bad input is a BAD_USER_INPUT naming the
 * argument and never reaches PostgreSQL. `_entities` representations are
 * checked the same way (their `id`).
 */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      const entities = type.name === 'Query' && field.name === '_entities';
      field.resolve = (source, values, context, info) => {
        for (const a of args) checkValue(values[a.name], a.type, a.name);
        if (entities) checkRepresentations(values.representations as unknown[]);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}

function checkValue(value: unknown, type: GraphQLInputType, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path);
  if (isListType(type)) {
    (value as unknown[]).forEach((v, i) => checkValue(v, type.ofType, `${path}[${i}]`));
    return;
  }
  if (isInputObjectType(type)) {
    for (const [name, f] of Object.entries(type.getFields()))
      checkValue((value as Record<string, unknown>)[name], f.type, `${path}.${name}`);
    return;
  }
  if (isScalarType(type) && type.name === 'ID' && !UUID.test(String(value)))
    throw new ValidationError(path, 'UUID', 'an id is a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');
  if (typeof value === 'string') checkText(value, path);
}

function checkText(value: string, path: string): void {
  if (CONTROL.test(value))
    throw new ValidationError(path, 'NO_CONTROL_CHARACTERS', 'text may not contain control characters');
  const max = /(Png|Base64)$/.test(path) ? MAX_BINARY_TEXT_LENGTH : MAX_TEXT_LENGTH;
  if (value.length > max) throw new ValidationError(path, 'MAX_LENGTH', `at most ${max} characters`);
}

function checkRepresentations(reps: unknown[]): void {
  reps.forEach((r, i) => {
    const id = (r as { id?: unknown } | null)?.id;
    if (id !== undefined && (typeof id !== 'string' || !UUID.test(id)))
      throw new ValidationError(`representations[${i}].id`, 'UUID', 'an entity key is a UUID');
  });
}
