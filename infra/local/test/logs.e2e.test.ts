import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, gql, tokenFor, validSnils } from '@sc/testing';
import { ctrlC, groupAlive, npmStartEnv, startNpm } from './npm-start';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * 152-ФЗ: personal data never appears in logs. The whole system runs as
 * `npm start` at LOG_LEVEL=debug; a person is registered and referred (the
 * referral carries the person to ЦСПН), bad input and a forged token are
 * refused; then every line the processes printed is searched for the
 * person's СНИЛС, names, birth date, address and phone.
 */
describe('logs of a working day carry no personal data', () => {
  it('finds none of the person’s data in any line, at debug level', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sc-logs-'));
    chmodSync(parent, 0o755);
    const env = await npmStartEnv({ EMBEDDED_PG_DATA_DIR: join(parent, 'pg'), LOG_LEVEL: 'debug' });
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const token = await tokenFor('SOCIAL_SERVICE');
    const snils = validSnils(9191);
    const person = {
      snils,
      lastName: 'Приватова',
      firstName: 'Секретина',
      middleName: 'Тайновна',
      birthDate: '1977-03-14',
      phone: '+79991234567',
      address: 'г. Иркутск, ул. Неразглашаемая, д. 7',
    };
    const run = await startNpm(ROOT, env);
    try {
      const reg = await gql(
        gateway,
        `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
        {
          i: {
            citizen: person,
            needs: {
              socialHelp: true,
              psychologicalSupport: false,
              employmentHelp: true,
              vocationalTraining: false,
              financialLiteracy: true,
            },
            circumstances: ['NO_WORK_NO_INCOME'],
          },
        },
        token,
      );
      expect(reg.errors).toBeUndefined();
      const citizenId = reg.data.registerSocialServiceApplication.citizen.id;
      const refer = await gql(
        gateway,
        `mutation($i: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $i) { status } }`,
        { i: { citizenId, basis: 'LOW_INCOME' } },
        token,
      );
      expect(refer.errors).toBeUndefined();
      // ЦСПН received the person with the referral and opened an application.
      const sp = await tokenFor('SOCIAL_PROTECTION');
      await eventually(async () => {
        const r = await gql(
          gateway,
          `query($id: ID!) { citizen(id: $id) { contractApplications { status } } }`,
          { id: citizenId },
          sp,
        );
        return r.data?.citizen?.contractApplications?.length > 0;
      });
      // Refusals that log: bad input with personal data in it, and a forged token.
      await gql(
        gateway,
        `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { id } }`,
        { i: { citizen: { ...person, snils: `${snils.slice(0, 10)}0` }, needs: {}, circumstances: [] } },
        token,
      );
      await gql(gateway, '{ __typename }', {}, `${token.slice(0, -3)}abc`);
    } finally {
      await ctrlC(run.child);
      await eventually(async () => !groupAlive(run.child), 20_000, 100);
    }
    const output = run.output();
    expect(output).toContain('"level":20'); // debug lines were written, so the search means something
    for (const pd of [
      snils,
      `${snils.slice(0, 3)}-${snils.slice(3, 6)}`,
      person.lastName,
      person.firstName,
      person.middleName,
      person.birthDate,
      person.phone,
      'Неразглашаемая',
    ])
      expect({ pd, found: output.includes(pd) }).toEqual({ pd, found: false });
  }, 120_000);
});
