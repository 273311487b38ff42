import { deadlineV1 } from '@sc/contracts';
import { ManualClock } from '@sc/kernel';
import { serviceConfigFromEnv } from '@sc/subgraph-kit';
import { eventually, query, serviceUnderTest, tokenFor } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';
import { applicationInput, SUBMIT_APPLICATION } from './applications';

const ADVANCE = `mutation($i: AdvanceClockInput!) { advanceSocialProtectionClock(input: $i) { now today timeZone offsetHours } }`;

/**
 * The acceptance clock: an ADMIN moves ЦСПН's time forward and the timed
 * checks fire what became due at once — here a decision deadline missed
 * eleven days later. Refused to anyone else, and off in production.
 */
describe('ЦСПН acceptance clock (component)', () => {
  const clock = new ManualClock('2026-12-01T03:00:00Z');
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION' },
    config: { acceptanceClock: true },
  });

  it('moves forward for an ADMIN, keeps the offset, and fires what became due', async () => {
    const app = (await sut.ok(SUBMIT_APPLICATION, applicationInput(991, 'Учебная', ['2026-08', '2026-09', '2026-10'])))
      .submitScApplication;
    expect(app.decisionDueDate).toBe('2026-12-11');

    const specialist = await sut.call(ADVANCE, { i: { days: 11 } }, sut.token);
    expect(specialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'trainer');
    expect((await sut.call(ADVANCE, { i: { days: 900 } }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.days',
      rule: 'RANGE',
    });
    const moved = (await sut.call(ADVANCE, { i: { days: 11 } }, admin)).data.advanceSocialProtectionClock;
    expect(moved).toEqual({
      now: '2026-12-12T03:00:00.000Z',
      today: '2026-12-12',
      timeZone: 'Asia/Irkutsk',
      offsetHours: 264,
    });
    // The deadline check ran at once: the decision due on 11 December is reported missed.
    const [missed] = await eventually(async () => {
      const rows = await query(sut.db, `select payload from outbox_message where type = $1`, [deadlineV1.type]);
      const found = rows.map((r) => JSON.parse(r.payload)).filter((n) => n.caseId === app.id);
      return found.length ? found : undefined;
    }, 20_000);
    expect(missed).toMatchObject({ stage: 'MISSED', kind: 'APPLICATION_DECISION', dueDate: '2026-12-11' });
    // Kept for a restart.
    const [row] = await query(
      sut.db,
      `select offset_ms, moved_by from acceptance_clock where service = 'social-protection'`,
    );
    expect({ offset: Number(row.offset_ms), by: row.moved_by }).toEqual({ offset: 264 * 3_600_000, by: 'trainer' });
  });
});

describe('the acceptance clock in production', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['ADMIN'] },
    config: { acceptanceClock: true, production: true },
  });

  it('is refused with FORBIDDEN even to an ADMIN, and the setting refuses to start a production service', async () => {
    const r = await sut.call(ADVANCE, { i: { days: 1 } }, sut.token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCEPTANCE_CLOCK_OFF' });
    expect(() =>
      serviceConfigFromEnv('social-protection', 4001, {
        DATABASE_URL: 'postgres://a/b',
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        CITIZEN_ID_SECRET: 'y'.repeat(32),
        GATEWAY_SECRET: 'z'.repeat(32),
        ACCEPTANCE_CLOCK: 'true',
      }),
    ).toThrow(/ACCEPTANCE_CLOCK: the acceptance clock is never on when NODE_ENV=production/);
  });
});
