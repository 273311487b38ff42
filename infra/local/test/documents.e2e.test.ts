import { ManualClock } from '@sc/kernel';
import {
  fetchDocument,
  flatPdfText,
  graphqlClient,
  query,
  SIGNATURE_PNG_BASE64,
  tokenFor,
  validSnils,
} from '@sc/testing';
import { CAREER_GUIDANCE, concludeEffectivenessAtMeeting, concludeJobSearchContract } from './social-protection.flow';
import { useTestStack } from './test-stack';

/**
 * Печатные документы (issue 16, item 5): each downloaded through the gateway
 * as a front-end would, under the access rule of the data it prints, read
 * back with pdftotext — the document says what the stored data say.
 */
describe('printable documents through the gateway (PDF, read back with pdftotext)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const s = useTestStack({ clock });

  it('prints the receipt, the survey act, the ПСА, the minutes, the contract with its schedule and the conclusion', async () => {
    const spec = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'docs-spec');
    const member = await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], 'docs-member');
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'docs-admin');
    const { ok } = graphqlClient(s.gatewayUrl, spec);
    const { applicationId, contractId, citizenId } = await concludeJobSearchContract({
      gatewayUrl: s.gatewayUrl,
      clock,
      seed: 1901,
      specialist: spec,
      commissionMember: member,
      activities: [CAREER_GUIDANCE],
    });
    const read = async (kind: string, id: string, token = spec) => {
      const d = await fetchDocument(s.gatewayUrl, kind, id, token);
      expect({ status: d.status, type: d.contentType }).toEqual({ status: 200, type: 'application/pdf' });
      return flatPdfText(d.body);
    };
    const ids = await ok(
      `query($id: ID!) { scApplication(id: $id) { programme { id } } commissionMeetings { edges { node { id } } } }`,
      {
        id: applicationId,
      },
    );
    const receipt = await read('application-receipt', applicationId);
    expect(receipt).toContain('Расписка в приёме заявления');
    expect(receipt).toContain('Лебедева Нина');
    expect(receipt).toContain('Решение будет принято до');
    const survey = await read('home-survey-act', applicationId);
    for (const phrase of ['Акт материально-бытового обследования', 'готова к обучению', 'Заключение нуждается'])
      expect(survey).toContain(phrase);
    const programme = await read('adaptation-programme', ids.scApplication.programme.id);
    for (const phrase of [
      'Программа социальной адаптации',
      'поиск работы',
      'Профориентация',
      'ЦЗН',
      'Согласование (редакция 1)',
      'согласовано',
    ])
      expect(programme).toContain(phrase);
    const minutes = await read('commission-minutes', ids.commissionMeetings.edges[0].node.id, member);
    for (const phrase of [
      'Протокол заседания межведомственной комиссии',
      'Присутствовали:',
      'программу социальной адаптации одобрить',
    ])
      expect(minutes).toContain(phrase);
    const contract = await read('social-contract', contractId);
    for (const phrase of [
      'Социальный контракт № СК-25-2026-',
      'График выплат',
      'выплачено 01.12.2026',
      'Профориентация',
    ])
      expect(contract).toContain(phrase);

    // no conclusion yet: nothing to print; after the commission's conclusion, its figures
    expect((await fetchDocument(s.gatewayUrl, 'effectiveness-conclusion', contractId, spec)).status).toBe(404);
    clock.set('2027-09-01T03:00:00Z');
    await ok(`mutation($c: ID!) { endSocialContract(input: { contractId: $c }) { status } }`, { c: contractId });
    await concludeEffectivenessAtMeeting({
      gatewayUrl: s.gatewayUrl,
      today: '2027-09-01',
      contractId,
      specialist: spec,
      commissionMember: member,
      admin,
      householdIncomeAfterKopecks: 3_000_000,
      householdMembersAfter: 1,
      conclusion: 'трудоустройство ЦЗН не подтверждено',
    });
    const conclusion = await read('effectiveness-conclusion', contractId);
    for (const phrase of [
      'Заключение об эффективности социального контракта',
      'трудоустройство ЦЗН не подтверждено',
      'Комиссия признала социальный контракт неэффективным.',
    ])
      expect(conclusion).toContain(phrase);

    // the data's own rules: a ЦЗН specialist reads the ПСА, never the contract's money; a bad id, an unknown one, no token
    const czn = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'docs-czn');
    expect(
      (await fetchDocument(s.gatewayUrl, 'adaptation-programme', ids.scApplication.programme.id, czn)).status,
    ).toBe(200);
    const refused = await fetchDocument(s.gatewayUrl, 'social-contract', contractId, czn);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString()).errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await fetchDocument(s.gatewayUrl, 'social-contract', 'nope', spec);
    expect({ status: bad.status, ext: JSON.parse(bad.body.toString()).errors[0].extensions }).toMatchObject({
      status: 400,
      ext: { code: 'BAD_USER_INPUT', field: 'id', rule: 'UUID' },
    });
    expect(
      (await fetchDocument(s.gatewayUrl, 'social-contract', '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e20', spec)).status,
    ).toBe(404);
    expect((await fetchDocument(s.gatewayUrl, 'social-contract', contractId)).status).toBe(401);
    // every download of personal data is in the access log, as a GraphQL read would be
    const logged = await query(
      s.db['social-protection'],
      `select operation from audit_log where citizen_id = $1 and operation like 'document.%'`,
      [citizenId],
    );
    expect(logged.map((r) => r.operation.split(':')[0])).toEqual(
      expect.arrayContaining([
        'document.application-receipt',
        'document.social-contract',
        'document.effectiveness-conclusion',
      ]),
    );
  });

  it('prints the urgent-service act with the recipient’s signature image and the content hash', async () => {
    clock.set('2027-09-02T03:00:00Z');
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'docs-kcson');
    const { ok } = graphqlClient(s.gatewayUrl, kcson);
    const u = (
      await ok(`mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { id } }`, {
        i: {
          citizen: { snils: validSnils(1902), lastName: 'Орлова', firstName: 'Елена', birthDate: '1980-05-05' },
          identityDocument: 'паспорт 2515 000001',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'пожар в доме',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices;
    await ok(`mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { id } }`, {
      i: { caseId: u.id, serviceCode: 'FOOD', quantity: 2, deliveredOn: '2027-09-02' },
    });
    const act = (
      await ok(`mutation($i: IssueUrgentActInput!) { issueUrgentServiceAct(input: $i) { id number contentHash } }`, {
        i: { caseId: u.id },
      })
    ).issueUrgentServiceAct;
    const unsigned = flatPdfText((await fetchDocument(s.gatewayUrl, 'urgent-service-act', act.id, kcson)).body);
    expect(unsigned).toContain('Акт ещё не подписан получателем.');
    const signed = (
      await ok(`mutation($i: SignUrgentActInput!) { signUrgentServiceAct(input: $i) { signatureSha256 } }`, {
        i: {
          actId: act.id,
          signaturePng: SIGNATURE_PNG_BASE64,
          shownActHash: act.contentHash,
          signerName: 'Орлова Е.',
        },
      })
    ).signUrgentServiceAct;
    const d = await fetchDocument(s.gatewayUrl, 'urgent-service-act', act.id, kcson);
    expect(d.fileName).toBe(`urgent-service-act-${act.number}.pdf`);
    const text = flatPdfText(d.body);
    for (const phrase of [
      `Акт о предоставлении срочных социальных услуг № ${act.number}`,
      'Орлова Елена',
      'паспорт 2515 000001',
      act.contentHash,
      `SHA-256 подписи ${signed.signatureSha256}`,
    ])
      expect(text).toContain(phrase);
    // the signature is in the file as an image
    expect(d.body.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    const other = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'docs-kcson-elsewhere', '25607000');
    expect((await fetchDocument(s.gatewayUrl, 'urgent-service-act', act.id, other)).status).toBe(403);
  });
});
