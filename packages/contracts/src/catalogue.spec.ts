import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, CATALOGUE, jsonSchemaOf } from '.';

describe('message catalogue (contract tests)', () => {
  it.each(CATALOGUE.map((m) => [m.type, m] as const))('%s: every example validates against its schema', (_t, m) => {
    expect(m.examples.length).toBeGreaterThan(0);
    for (const e of m.examples) expect(m.schema.safeParse(e).success).toBe(true);
  });

  it('message types are unique and versioned', () => {
    const types = CATALOGUE.map((m) => m.type);
    expect(new Set(types).size).toBe(types.length);
    for (const t of types) expect(t).toMatch(/\.v\d+$/);
  });

  it('rejects a referral with a bad СНИЛС checksum or an unknown field', () => {
    const m = CATALOGUE.find((x) => x.type === 'referral.for-contract.v1')!;
    const ok = m.examples[0] as Record<string, any>;
    expect(m.schema.safeParse({ ...ok, person: { ...ok.person, snils: '112-233-445 96' } }).success).toBe(false);
    expect(m.schema.safeParse({ ...ok, surprise: 1 }).success).toBe(false);
  });

  it('committed JSON Schemas and AsyncAPI document are current (npm run schemas)', () => {
    const dir = join(__dirname, '..', 'schemas');
    for (const m of CATALOGUE) {
      expect(JSON.parse(readFileSync(join(dir, `${m.type}.json`), 'utf8'))).toEqual(
        JSON.parse(JSON.stringify(jsonSchemaOf(m.type))),
      );
    }
    expect(JSON.parse(readFileSync(join(dir, 'asyncapi.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(asyncApiDocument())),
    );
  });
});
