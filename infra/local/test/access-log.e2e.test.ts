import { issueToken } from '@sc/auth';
import { eventually, gql, graphqlClient, testAuth, TEST_PURPOSE, tokenFor, validSnils } from '@sc/testing';
import { useTestStack } from './test-stack';

/**
 * 152-ФЗ through the gateway: the federated access log of one citizen, each
 * agency contributing its own entries — for an AUDITOR, and for the citizen
 * themselves signed in at the state portal ("who at which agency viewed or
 * changed my data, and when"); refused to everyone else.
 */
describe('the federated access log of a citizen', () => {
  const s = useTestStack();
  const LOG = `query($id: ID!) { citizen(id: $id) {
    socialServiceAccessLog { agency subject operation action at }
    socialProtectionAccessLog { agency subject operation action }
    employmentAccessLog { operation }
  } }`;

  it('shows an auditor and the citizen who read and changed the data at each agency; refuses others', async () => {
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-log');
    const { ok } = graphqlClient(s.gatewayUrl, kcson);
    const reg = await ok(
      `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
      {
        i: {
          citizen: { snils: validSnils(5150), lastName: 'Журнальная', firstName: 'Ольга', birthDate: '1985-05-05' },
          needs: {
            socialHelp: true,
            psychologicalSupport: false,
            employmentHelp: true,
            vocationalTraining: false,
            financialLiteracy: true,
          },
          circumstances: [],
        },
      },
    );
    const id = reg.registerSocialServiceApplication.citizen.id;
    await ok(
      `mutation($i: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $i) { status } }`,
      {
        i: { citizenId: id, basis: 'LOW_INCOME' },
      },
    );
    const sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-log');
    await eventually(async () => {
      const r = await gql(
        s.gatewayUrl,
        `query($id: ID!) { citizen(id: $id) { contractApplications { status } } }`,
        { id },
        sp,
      );
      return r.data?.citizen?.contractApplications?.length > 0;
    });

    const auditor = await tokenFor('MINISTRY', ['AUDITOR'], 'auditor-1');
    const seen = (await gql(s.gatewayUrl, LOG, { id }, auditor)).data.citizen;
    expect(seen.socialServiceAccessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: 'SOCIAL_SERVICE',
          subject: 'kcson-log',
          action: 'CHANGE',
          operation: 'registerSocialServiceApplication',
        }),
      ]),
    );
    expect(seen.socialProtectionAccessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agency: 'SOCIAL_PROTECTION', subject: 'sp-log', action: 'READ' }),
      ]),
    );
    expect(Array.isArray(seen.employmentAccessLog)).toBe(true);
    expect(new Date(seen.socialServiceAccessLog[0].at).getTime()).toBeGreaterThan(0);

    // The citizen, signed in at the portal, sees the same log of their own data …
    const citizen = await issueToken(testAuth, { subject: id, agency: 'PORTAL', roles: ['CITIZEN'], territory: '25' });
    const own = (await gql(s.gatewayUrl, LOG, { id }, citizen)).data.citizen;
    expect(own.socialProtectionAccessLog.map((e: { subject: string }) => e.subject)).toContain('sp-log');
    // … and the auditor's look at it is in the log too.
    expect(own.socialServiceAccessLog.map((e: { subject: string }) => e.subject)).toContain('auditor-1');

    // Nobody else: another citizen, a case worker.
    const stranger = await issueToken(testAuth, {
      subject: '01900000-0000-7000-8000-000000000001',
      agency: 'PORTAL',
      roles: ['CITIZEN'],
      territory: '25',
    });
    for (const t of [stranger, kcson]) {
      const r = await gql(
        s.gatewayUrl,
        `query($id: ID!) { citizen(id: $id) { socialServiceAccessLog { at } } }`,
        { id },
        t,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'AUDITOR_OR_SELF' });
    }
    // A case worker must say why they open a person's data; the reason is in the log.
    const noPurpose = await fetch(s.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sp}` },
      body: JSON.stringify({
        query: `query($id: ID!) { citizen(id: $id) { socialProtectionProfile { lastName } } }`,
        variables: { id },
      }),
    });
    expect(((await noPurpose.json()) as any).errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'PURPOSE_REQUIRED',
    });
    const purposes = (
      await gql(
        s.gatewayUrl,
        `query($id: ID!) { citizen(id: $id) { socialProtectionAccessLog { subject purpose } } }`,
        { id },
        auditor,
      )
    ).data.citizen.socialProtectionAccessLog;
    expect(purposes).toContainEqual({ subject: 'sp-log', purpose: TEST_PURPOSE });

    // A citizen's token opens nothing but the log.
    const profile = await gql(
      s.gatewayUrl,
      `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } } }`,
      { id },
      citizen,
    );
    expect(profile.data?.citizen?.socialServiceProfile ?? null).toBeNull();
  }, 120_000);
});
