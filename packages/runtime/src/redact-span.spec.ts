import { redactGraphQL, redactSql } from './redact-span';

describe('span text carries no values', () => {
  it('SQL: strings, dollar-quoted text and numbers become ?, identifiers stay', () => {
    const sql = `insert into "citizen" ("id", "snils", "last_name", "c0") values ('051b-…', '10615306308', 'O''Брайен', 42, 3.5, $$secret$$) returning "version"`;
    expect(redactSql(sql)).toBe(
      `insert into "citizen" ("id", "snils", "last_name", "c0") values (?, ?, ?, ?, ?, ?) returning "version"`,
    );
    expect(redactSql(`select "s0".* from "sc_application" as "s0" where "s0"."citizen_id" = 'x' limit 1`)).toBe(
      `select "s0".* from "sc_application" as "s0" where "s0"."citizen_id" = ? limit ?`,
    );
  });

  it('GraphQL: string literals become "?", the shape of the document stays', () => {
    expect(redactGraphQL(`query { search(text: "ивонова \\"мария\\"", first: 5) { id } }`)).toBe(
      `query { search(text: "?", first: 5) { id } }`,
    );
    expect(redactGraphQL(`{ a(t: """многострочный\nтекст""") }`)).toBe(`{ a(t: "?") }`);
  });
});
