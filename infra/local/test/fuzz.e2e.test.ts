import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  getNamedType,
  isLeafType,
} from 'graphql';
import { statisticsCsvDocumentOf, SUPERGRAPH_PATH } from '@sc/gateway';
import { AUDIT_ROW_COLUMNS, eventually, gql, query, testAuth } from '@sc/testing';
import { issueToken } from '@sc/auth';
import { SERVICE_NAMES } from '../src/stack';
import { useTestStack } from './test-stack';

/**
 * Property-based fuzzing of every mutation through the gateway, against the
 * real stack (three subgraphs, PostgreSQL, the Kafka-protocol broker):
 * generated arguments — ids that are and are not UUIDs, text with control
 * characters and past its length bound, impossible dates, huge numbers,
 * unknown enum values — sent with tokens of every agency. No answer may be an
 * INTERNAL_SERVER_ERROR or an HTTP 5xx, and a refused call must leave every
 * table of the three databases as it was.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe(`fuzzing every mutation through the gateway (${RUNS} generated calls)`, () => {
  const s = useTestStack();
  let schema: GraphQLSchema;
  let tokens: string[];

  beforeAll(async () => {
    const token = await issueToken(testAuth, {
      subject: 'fuzz',
      agency: 'SOCIAL_PROTECTION',
      roles: ['SPECIALIST'],
      territory: '25701000',
    });
    const r = await gql<IntrospectionQuery>(s.gatewayUrl, getIntrospectionQuery(), {}, token);
    schema = buildClientSchema(r.data!);
    const roles = ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'ADMIN'] as const;
    tokens = await Promise.all(
      (['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'] as const).map((agency) =>
        issueToken(testAuth, { subject: `fuzz-${agency}`, agency, roles: [...roles], territory: '25701000' }),
      ),
    );
    // Staff are registered on their first call to their agency (staff-register.ts): the fuzz users sign in
    // before the property runs, so any row a refused call leaves behind is a real write.
    const firstCalls = [
      '{ scApplications(first: 1) { totalCount } }',
      '{ jobSeekerRegistrations(first: 1) { totalCount } }',
      '{ urgentServiceCases(first: 1) { totalCount } }',
    ];
    for (const [i, q] of firstCalls.entries())
      expect((await gql(s.gatewayUrl, q, {}, tokens[i]!)).errors).toBeUndefined();
  }, 60_000);

  /**
   * Every table of the three databases, as one digest per database (read-audit rows and the staff
   * register's last-seen time aside: reads are not changes).
   */
  const digestSql = new Map<string, string>();
  const digestOf = async (db: string): Promise<string> => {
    if (!digestSql.has(db)) {
      const tables = await query(
        db,
        `select tablename from pg_tables where schemaname = 'public' and tablename not in ('mikro_orm_migrations')`,
      );
      const parts = tables.map(({ tablename: t }) =>
        t === 'audit_log'
          ? `(select md5(coalesce(string_agg((${AUDIT_ROW_COLUMNS})::text, '' order by id), '')) from audit_log where action <> 'READ')`
          : t === 'staff_member' // a caller's last_seen is refreshed every few minutes, refused call or not
            ? `(select md5(coalesce(string_agg((subject, territory, roles, first_seen)::text, '' order by subject), '')) from staff_member)`
            : t === 'outbox_message'
              ? `(select md5(coalesce(string_agg(o.id::text, '' order by o.seq), '')) from outbox_message o)`
              : `(select md5(coalesce(string_agg(x::text, '' order by x::text), '')) from "${t}" x)`,
      );
      // Each digest named by its table, so a failure says which table a refused call wrote to.
      const named = parts.map((sql, i) => `'${tables[i]!.tablename}=' || ${sql}`);
      digestSql.set(db, `select ${named.join(` || ' ' || `)} as h`);
    }
    return (await query(db, digestSql.get(db)!))[0].h as string;
  };
  const fingerprint = () => Promise.all(SERVICE_NAMES.map((n) => digestOf(s.db[n]))).then((hs) => hs.join('|'));

  /**
   * After an accepted call, wait until its messages — and the replies they
   * cause, however long the chain — are published and consumed: every
   * outbox row published, and each service's consumer has processed as many
   * records as its topics hold (handled, ignored, duplicate or dead-lettered).
   */
  const settle = () =>
    eventually(async () => {
      const produced = new Map<string, number>();
      for (const n of SERVICE_NAMES) {
        const rows = await query(
          s.db[n],
          `select topic, count(*)::int as n, count(*) filter (where published_at is null)::int as pending
             from outbox_message group by topic`,
        );
        for (const r of rows) {
          if (r.pending) return false;
          produced.set(r.topic, (produced.get(r.topic) ?? 0) + r.n);
        }
      }
      return SERVICE_NAMES.every((n) => {
        const c = s.services[n].consumer;
        const expected = c.topics.reduce((sum, t) => sum + (produced.get(t) ?? 0), 0);
        const { handled, duplicates, ignored, deadLettered } = c.stats;
        return handled + duplicates + ignored + deadLettered >= expected;
      });
    }, 30_000);

  it('answers the findings of the attack with BAD_USER_INPUT naming the argument and the rule', async () => {
    const [sp] = tokens;
    const first = async (q: string, v: Record<string, unknown> = {}) => (await gql(s.gatewayUrl, q, v, sp)).errors?.[0];
    // An impossible date in a variable: the subgraph's coded error, not an internal one from the gateway.
    expect(
      await first(`query($d: Date) { regionalParameters(onDate: $d) { code } }`, { d: '2025-02-30' }),
    ).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', rule: 'DATE_FORMAT' },
    });
    // An id that is not a UUID never reaches PostgreSQL: in a query, a mutation input and a federated key.
    expect(await first(`{ scApplication(id: "x") { id } }`)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'id', rule: 'UUID' },
    });
    expect(await first(`{ citizen(id: "x") { socialProtectionProfile { lastName } } }`)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'id', rule: 'UUID' },
    });
    const withdraw = `mutation($i: ID!) { withdrawScApplication(input: { applicationId: $i }) { id } }`;
    expect(await first(withdraw, { i: 'nope' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.applicationId', rule: 'UUID' },
    });
    // A control character or an overlong text in any string.
    const draft = `query($c: ID!, $p: String!) { monthlyReportDraft(contractId: $c, period: $p) { period } }`;
    const c = '01900000-0000-7000-8000-000000000000';
    expect(await first(draft, { c, p: '2026-1\u00002' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'period', rule: 'NO_CONTROL_CHARACTERS' },
    });
    expect(await first(draft, { c, p: 'x'.repeat(10_001) })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'period', rule: 'MAX_LENGTH' },
    });
  });

  it('refuses documents past the query limits before executing them, and suggests nothing', async () => {
    const [sp] = tokens;
    const code = async (q: string) => (await gql(s.gatewayUrl, q, {}, sp)).errors?.[0]?.extensions?.code;
    const id = '01900000-0000-7000-8000-000000000000';
    // A cycle through the federated Citizen, seven levels deep (the limit is six).
    const deep = `{ citizen(id: "${id}") { urgentServiceCases { citizen { urgentServiceCases { citizen { urgentServiceCases { id } } } } } } }`;
    expect(await code(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: calendarDays(year: 2026) { date }`).join(' ')} }`;
    expect(await code(aliases)).toBe('GRAPHQL_VALIDATION_FAILED');
    const tokensOver = await gql(s.gatewayUrl, `{ ${'__typename '.repeat(1001)} }`, {}, sp);
    expect(tokensOver.status).toBe(400);
    expect(tokensOver.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    // Fragments do not hide nesting: the same cycle through a fragment is still seven levels.
    const viaFragment = `{ citizen(id: "${id}") { ...C } } fragment C on Citizen { urgentServiceCases { citizen { urgentServiceCases { citizen { urgentServiceCases { id } } } } } }`;
    expect(await code(viaFragment)).toBe('GRAPHQL_VALIDATION_FAILED');
    // The ministry's full dashboard is admitted (the statistics e2e runs it); two of it in one document are not.
    const full = statisticsCsvDocumentOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const [op, ...fragments] = full.split('\nfragment ');
    const inner = op!.slice(op!.indexOf('statistics('), op!.lastIndexOf('}'));
    const twice = `${op!.slice(0, op!.indexOf('statistics('))}a: ${inner} b: ${inner}}\n${fragments.map((f) => `fragment ${f}`).join('\n')}`;
    expect(twice).not.toBe(full);
    const run = (q: string) =>
      gql(s.gatewayUrl, q, { territory: '25', from: '2026-01', to: '2026-12', by: ['MONTH'] }, sp);
    expect((await run(full)).errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await run(twice)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await gql(s.gatewayUrl, `{ citizn(id: "${id}") { id } }`, {}, sp);
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('never answers INTERNAL_SERVER_ERROR, and a refused call writes nothing', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const call = fc
      .record({
        field: fc.constantFrom(...mutations),
        token: fc.constantFrom(...tokens),
        seed: fc.integer(),
      })
      .chain(({ field, token }) =>
        fc.record({
          field: fc.constant(field),
          token: fc.constant(token),
          args: argsOf(field),
        }),
      );
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(call, async ({ field, token, args }) => {
        const before = await fingerprint();
        const { query: q, variables } = operationFor(field, args);
        const r = await gql(s.gatewayUrl, q, variables, token);
        expect(r.status).toBeLessThan(500);
        const internal = (r.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        expect({ field: field.name, internal }).toEqual({ field: field.name, internal: [] });
        if (r.errors?.length) {
          refused++;
          const why = r.errors.map((e) => `${e.extensions?.code}: ${e.message}`);
          expect({ field: field.name, why, after: await fingerprint() }).toEqual({
            field: field.name,
            why,
            after: before,
          });
        } else {
          accepted++;
          await settle();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(refused + accepted).toBe(RUNS);
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});

/** Values of one GraphQL input type: mostly plausible, often hostile. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  const nullable = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 3 }));
  if (isEnumType(type))
    return nullable(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.string() },
      ),
    );
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)]));
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return nullable(fc.record(shape, { requiredKeys: required }));
  }
  if (isScalarType(type)) return nullable(scalarOf(type.name));
  return fc.constant(null);
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('a\u0000b', 'tab\tok', 'bell\u0007', 'Ёжик ё', "'; drop table citizen; --", '%00', '\u202e'),
  fc.constant('x'.repeat(10_001)),
);

function scalarOf(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(fc.uuid(), fc.constantFrom('x', '', '00000000-0000-0000-0000-00000000000g', '1'), hostileText);
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 500 }), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 40)));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(1e308, -0.5));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(
        fc
          .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2025-02-30', '2026-13-01', '26-01-01', ''),
        hostileText,
      );
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        hostileText,
      );
    default:
      return fc.oneof(
        fc.string({ maxLength: 20 }).filter((x) => /^[0-9 -]*$/.test(x)),
        hostileText,
      );
  }
}

function argsOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)]));
  return fc.record(shape, { requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) });
}

/** The mutation with every argument as a variable, selecting only `__typename` (or nothing for a leaf). */
function operationFor(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `mutation Fuzz${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selection} }`,
    variables: args,
  };
}
