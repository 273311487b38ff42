import { ruleOf } from '@sc/testing';
import { sha256 } from '@sc/kernel';
import { UrgentServiceAct, canonicalJson } from './urgent-service-act';
import { UrgentServiceCase } from './urgent-service-case';
import { URGENT_SERVICE_CATALOGUE } from './urgent-service-type';

const now = new Date('2026-12-01T03:00:00Z');
const type = (code: string) => URGENT_SERVICE_CATALOGUE.find((t) => t.code === code);
/** A minimal valid PNG (1×1) standing in for a drawn signature. */
const SIGNATURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');
const served = () => {
  const c = UrgentServiceCase.request({
    citizenId: 'c',
    territory: '25607000',
    anonymous: false,
    channel: 'WRITTEN_APPLICATION',
    identityDocument: 'паспорт 2515 123456',
    circumstances: 'нет средств',
    by: 'x',
    now,
  });
  c.decide(true, null, now);
  c.deliver(type('FOOD'), 'FOOD', 2, '2026-12-01', '2026-12-01', 'x');
  return c;
};

describe('urgent social services (DOMAIN.md §4.5)', () => {
  it('needs an established identity, except anonymous help by phone', () => {
    expect(
      ruleOf(() =>
        UrgentServiceCase.request({
          anonymous: false,
          territory: '25607000',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'x',
          by: 'x',
          now,
        }),
      ),
    ).toBe('IDENTITY_REQUIRED');
    expect(
      ruleOf(() =>
        UrgentServiceCase.request({
          citizenId: 'c',
          territory: '25607000',
          anonymous: false,
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'x',
          by: 'x',
          now,
        }),
      ),
    ).toBe('IDENTITY_REQUIRED');
    expect(
      ruleOf(() =>
        UrgentServiceCase.request({
          anonymous: true,
          territory: '25607000',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'x',
          by: 'x',
          now,
        }),
      ),
    ).toBe('ANONYMOUS_BY_PHONE_ONLY');
    const anon = UrgentServiceCase.request({
      anonymous: true,
      territory: '25607000',
      channel: 'PHONE_CALL',
      circumstances: 'кризис',
      by: 'x',
      now,
    });
    anon.decide(true, null, now);
    expect(ruleOf(() => anon.deliver(type('FOOD'), 'FOOD', 1, '2026-12-01', '2026-12-01', 'x'))).toBe(
      'IDENTITY_REQUIRED',
    );
    anon.deliver(
      type('EMERGENCY_PSYCHOLOGICAL_HELP'),
      'EMERGENCY_PSYCHOLOGICAL_HELP',
      1,
      '2026-12-01',
      '2026-12-01',
      'x',
    );
    const act = UrgentServiceAct.drawUp(anon, {
      number: 'А-2',
      fullName: null,
      provider: 'КЦСОН',
      conditions: 'бесплатно',
      today: '2026-12-01',
      now,
    });
    expect(ruleOf(() => anon.closeUnsigned('анонимно', act))).toBe('ONE_ACT');
    anon.attachAct(act.id);
    expect(ruleOf(() => anon.closeUnsigned('  ', act))).toBe('REQUIRED');
    anon.closeUnsigned('анонимное обращение по телефону доверия', act);
    expect(anon.status).toBe('ACT_UNSIGNED');
    expect(act).toMatchObject({ unsigned: true, unsignedReason: 'анонимное обращение по телефону доверия' });
    expect(sha256(act.canonicalText())).toBe(act.contentHash);
  });

  it('refuses unknown codes and non-positive volumes', () => {
    const c = served();
    expect(ruleOf(() => c.deliver(undefined, 'NOPE', 1, '2026-12-01', '2026-12-01', 'x'))).toBe('UNKNOWN_SERVICE_CODE');
    expect(ruleOf(() => c.deliver(type('FOOD'), 'FOOD', -1, '2026-12-01', '2026-12-01', 'x'))).toBe('QUANTITY_RANGE');
    expect(ruleOf(() => c.deliver(type('FOOD'), 'FOOD', 0, '2026-12-01', '2026-12-01', 'x'))).toBe('QUANTITY_RANGE');
  });

  it('an act is signed once, only for the text shown, and never altered afterwards', () => {
    const c = served();
    const act = UrgentServiceAct.drawUp(c, {
      number: 'А-1',
      fullName: 'Иванова М. П.',
      provider: 'КЦСОН',
      conditions: 'бесплатно',
      today: '2026-12-01',
      now,
    });
    c.attachAct(act.id);
    expect(act.contentHash).toBe(sha256(canonicalJson(act.content)));
    expect(
      ruleOf(() =>
        act.sign({ signatureBase64: SIGNATURE_PNG, shownActHash: '0'.repeat(64), signerName: 'Иванова', now }),
      ),
    ).toBe('SIGNATURE_NOT_VERIFIED');
    expect(
      ruleOf(() =>
        act.sign({
          signatureBase64: Buffer.from(
            'not a png at all, just some bytes that are long enough to pass the size check....',
          ).toString('base64'),
          shownActHash: act.contentHash,
          signerName: 'Иванова',
          now,
        }),
      ),
    ).toBe('SIGNATURE_NOT_VERIFIED');
    act.sign({ signatureBase64: SIGNATURE_PNG, shownActHash: act.contentHash, signerName: 'Иванова', now });
    c.signed();
    expect(c.status).toBe('ACT_SIGNED');
    expect(act.verify()).toBe(true);
    expect(
      ruleOf(() =>
        act.sign({ signatureBase64: SIGNATURE_PNG, shownActHash: act.contentHash, signerName: 'Другой', now }),
      ),
    ).toBe('SIGNED_ACT_IMMUTABLE');
    expect(ruleOf(() => c.deliver(type('FOOD'), 'FOOD', 1, '2026-12-01', '2026-12-01', 'x'))).toBe('ACT_IMMUTABLE');
    act.content.services[0]!.quantity = 5;
    expect(act.verify()).toBe(false);
  });

  it('in-person help cannot close without the recipient’s signature', () => {
    expect(ruleOf(() => served().checkUnsignedClosure('забыли'))).toBe('ACT_SIGNED_BY_RECIPIENT');
  });
});
