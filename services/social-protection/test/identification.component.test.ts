import { serviceUnderTest, validSnils, TEST_NEEDS } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';

/**
 * Межведомственное выявление (issue 16, item 7; seed 003): an application
 * records who identified the citizen — a school, a municipality, a «Мой
 * бизнес» centre … with the organisation named — and shows its «Соцконтракт38»
 * stage; a worklist narrows by the source.
 */
describe('ЦСПН identification and project stage (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'], subject: 'spec-1' },
  });
  const SUBMIT = `mutation($i: SubmitScApplicationInput!) {
    submitScApplication(input: $i) { id status projectStage identification { source organisation } } }`;
  const input = (n: number, identification?: Record<string, unknown>) => ({
    i: {
      citizen: { snils: validSnils(9300 + n), lastName: 'Выявленова', firstName: `Ольга${n}`, birthDate: '1988-03-01' },
      zone: 'WHOLE_REGION',
      needs: TEST_NEEDS,
      household: [{ relation: 'APPLICANT', fullName: `Выявленова Ольга${n}`, birthDate: '1988-03-01', incomes: [] }],
      ...(identification ? { identification } : {}),
    },
  });
  const tables = ['sc_application', 'citizen'];

  it('records the school that identified the family and shows the development stage', async () => {
    const app = (
      await sut.ok(SUBMIT, input(1, { source: 'SCHOOL_OR_KINDERGARTEN', organisation: ' МБОУ «СОШ № 5» г. Иркутска ' }))
    ).submitScApplication;
    expect(app).toMatchObject({
      status: 'REGISTERED',
      projectStage: 'DEVELOPMENT',
      identification: { source: 'SCHOOL_OR_KINDERGARTEN', organisation: 'МБОУ «СОШ № 5» г. Иркутска' },
    });
  });

  it('takes the citizen’s own visit when nobody is named', async () => {
    expect((await sut.ok(SUBMIT, input(2))).submitScApplication.identification).toEqual({
      source: 'SELF_REFERRAL',
      organisation: null,
    });
  });

  it('narrows a worklist to the applications a source identified', async () => {
    await sut.ok(SUBMIT, input(3, { source: 'MY_BUSINESS_CENTRE', organisation: 'Центр «Мой бизнес», Иркутск' }));
    const LIST = `query($s: IdentificationSource) { scApplications(filter: { identificationSource: $s }) {
      totalCount edges { node { identification { source organisation } } } } }`;
    const page = (await sut.ok(LIST, { s: 'MY_BUSINESS_CENTRE' })).scApplications;
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node.identification.organisation).toBe('Центр «Мой бизнес», Иркутск');
  });

  it('refuses a source without its organisation, an organisation for one’s own visit, and an overlong name', async () => {
    expect(await sut.refused(SUBMIT, input(4, { source: 'LOCAL_GOVERNMENT' }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.identification.organisation',
      rule: 'REQUIRED',
    });
    expect(
      await sut.refused(SUBMIT, input(5, { source: 'SELF_REFERRAL', organisation: 'школа' }), sut.token, tables),
    ).toMatchObject({ field: 'input.identification.organisation', rule: 'NOT_APPLICABLE' });
    expect(
      await sut.refused(SUBMIT, input(6, { source: 'OTHER', organisation: 'ж'.repeat(301) }), sut.token, tables),
    ).toMatchObject({ field: 'input.identification.organisation', rule: 'MAX_LENGTH' });
    expect(await sut.refused(SUBMIT, input(7, { source: 'NEIGHBOURS' }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
