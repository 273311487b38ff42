import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { asyncApiDocument, CATALOGUE, jsonSchemaOf, MESSAGE_FLOWS, RECIPIENT_HEADER } from '.';

describe('message catalogue (contract tests)', () => {
  it.each(CATALOGUE.map((m) => [m.type, m] as const))('%s: every example validates against its schema', (_t, m) => {
    expect(m.examples.length).toBeGreaterThan(0);
    for (const e of m.examples) expect(m.schema.safeParse(e).success).toBe(true);
  });

  it('a type addressed to one agency names a required agency field, and its ce_recipient header is documented', () => {
    const addressed = CATALOGUE.filter((m) => m.addressee);
    expect(addressed.map((m) => m.type)).toEqual(
      expect.arrayContaining(['referral.for-contract.v1', 'referral.accepted.v1']),
    );
    const doc = asyncApiDocument() as Record<string, any>;
    for (const m of addressed) {
      const ok = m.examples[0] as Record<string, unknown>;
      expect(['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE']).toContain(ok[m.addressee!]);
      const { [m.addressee!]: _gone, ...without } = ok;
      expect(m.schema.safeParse(without).success).toBe(false);
      const message = Object.values(doc.components.messages as Record<string, any>).find((x) => x.name === m.type);
      expect(message.headers.required).toContain(RECIPIENT_HEADER);
    }
    const notAddressed = CATALOGUE.find((m) => m.type === 'contract.status-changed.v1')!;
    expect(notAddressed.addressee).toBeUndefined();
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

  it('puts the formats code checks into the JSON Schemas: СНИЛС and ИНН patterns (check digits stay in code)', () => {
    const find = (node: unknown, name: string): Record<string, any> | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props?.[name]) return props[name] as Record<string, any>;
      for (const v of Object.values(node)) {
        const hit = find(v, name);
        if (hit) return hit;
      }
      return undefined;
    };
    const snils = new RegExp(find(jsonSchemaOf('referral.for-contract.v1'), 'snils')!.pattern);
    for (const good of ['112-233-445 95', '11223344595', '112 233 445 95']) expect(snils.test(good)).toBe(true);
    for (const bad of ['abc', '112-233-445', '112-233-445 955', '']) expect(snils.test(bad)).toBe(false);
    const inn = new RegExp(find(jsonSchemaOf('employment.service-event.v1'), 'employerInn')!.pattern);
    for (const good of ['500100732259', '7707083893']) expect(inn.test(good)).toBe(true);
    for (const bad of ['abc', '50010073225', '5001007322591']) expect(inn.test(bad)).toBe(false);
    // The same pattern refuses in code, with the same words as before for a wrong check number.
    const m = CATALOGUE.find((x) => x.type === 'referral.for-contract.v1')!;
    const e = m.examples[0] as Record<string, any>;
    const r = m.schema.safeParse({ ...e, person: { ...e.person, snils: 'abc' } });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toContain('СНИЛС must have 11 digits');
  });

  it('checks cross-field rules JSON Schema cannot express: dates in order, reasons for a refusal, a real change', () => {
    const issue = (type: string, over: (e: Record<string, any>) => Record<string, any>) => {
      const m = CATALOGUE.find((x) => x.type === type)!;
      const r = m.schema.safeParse(over(structuredClone(m.examples[0]) as Record<string, any>));
      return r.success ? 'valid' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(issue('contract.concluded-for-employment.v1', (e) => ({ ...e, endDate: '2026-11-01' }))).toContain(
      'endDate: endDate must not be before startDate',
    );
    expect(
      issue('contract.concluded-for-employment.v1', (e) => {
        e.activities[0].dueDate = '2028-01-01';
        return e;
      }),
    ).toBe('activities.0.dueDate: an activity falls due inside the term');
    expect(issue('contract.concluded-for-social-service.v1', (e) => ({ ...e, serviceUntil: '2027-01-01' }))).toBe(
      'serviceUntil: serviceUntil must not be before endDate',
    );
    expect(issue('contract.status-changed.v1', (e) => ({ ...e, previousStatus: e.status }))).toBe(
      'status: a status change names a new status',
    );
    expect(
      issue('commission.decisions.v1', (e) => {
        e.decisions[0] = { ...e.decisions[0], decision: 'REFUSE', reasons: undefined };
        return e;
      }),
    ).toBe('decisions.0.reasons: a return or a refusal states its reasons');
  });

  it('the AsyncAPI 3.1 document parses with @asyncapi/parser without a single diagnostic (no error, warning or hint)', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    expect(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document?.version()).toBe('3.1.0');
    // Who sends and who receives: an operation per agency and type, as MESSAGE_FLOWS says.
    const ops = document!.operations().all();
    for (const m of CATALOGUE) {
      const of = (action: string) =>
        ops
          .filter(
            (o) =>
              o.action() === action &&
              o
                .messages()
                .all()
                .some((x) => x.name() === m.type),
          )
          .map((o) => o.json()['x-agency'])
          .sort();
      expect({ type: m.type, send: of('send'), receive: of('receive') }).toEqual({
        type: m.type,
        send: [...MESSAGE_FLOWS[m.type]!.send].sort(),
        receive: [...MESSAGE_FLOWS[m.type]!.receive].sort(),
      });
    }
    // Headers: what every record must carry; the dead-letter channel documents all its x- headers.
    const headers = (name: string) =>
      document!.components().messages().get(name)!.headers()!.json() as { required: string[]; properties: object };
    expect(headers('referralForContractV1').required).toEqual(
      expect.arrayContaining(['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'ce_specversion']),
    );
    expect(Object.keys(headers('deadLetter').properties).filter((h) => h.startsWith('x-'))).toHaveLength(6);
    expect(
      document!
        .servers()
        .all()
        .map((x) => x.protocol()),
    ).toEqual(['kafka', 'kafka-secure']);
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
