import { programmeAgreementAnsweredV1, TOPICS, type MessageData } from '@sc/contracts';
import { newEnvelope, toRecord } from '@sc/messaging';
import { eventually, type ServiceUnderTest } from '@sc/testing';

type Answer = MessageData<typeof programmeAgreementAnsweredV1>;
type Partner = Answer['fromAgency'];

/** ЦЗН's or КЦСОН's answer to a revision, as it arrives from the partner's subgraph (M7 reply). */
export const partnerAnswer = (
  p: { id: string; citizenId: string; revision: number },
  fromAgency: Partner,
  over: Partial<Answer> = {},
): Answer => ({
  programmeId: p.id,
  revision: p.revision,
  citizenId: p.citizenId,
  fromAgency,
  decision: 'AGREED',
  proposals: [],
  answeredBy: `${fromAgency.toLowerCase()}-specialist`,
  answeredAt: new Date().toISOString(),
  ...over,
});

export const deliverPartnerAnswers = (sut: ServiceUnderTest, answers: readonly Answer[]) =>
  sut.bus.publish(
    answers.map((a) =>
      toRecord(
        `${sut.prefix}${TOPICS.commission}`,
        newEnvelope(programmeAgreementAnsweredV1.type, a.fromAgency, a.citizenId, a),
      ),
    ),
  );

export const RECORD_CITIZEN_AGREEMENT = `mutation($i: RecordCitizenProgrammeAgreementInput!) {
  recordCitizenProgrammeAgreement(input: $i) { revision agreed agreements { party status } }
}`;

const AGREEMENTS = `query($id: ID!) {
  adaptationProgramme(id: $id) { citizen { id } revision agreed agreements { party status } }
}`;

/**
 * Brings the current revision of a draft to agreed, as the seed's step 3
 * does: every partner asked answers AGREED (delivered through the broker)
 * and the citizen's agreement is recorded; waits until ЦСПН has applied the
 * partners' answers.
 */
export async function agreeProgramme(sut: ServiceUnderTest, programmeId: string, token?: string): Promise<void> {
  const p = (await sut.ok(AGREEMENTS, { id: programmeId }, token)).adaptationProgramme;
  const prog = { id: programmeId, citizenId: p.citizen.id, revision: p.revision };
  const partners = (p.agreements as { party: string }[])
    .map((a) => a.party)
    .filter((x): x is Partner => x !== 'CITIZEN');
  // The citizen first: a partner's answer applied meanwhile would make this change a CONFLICT to retry.
  await sut.ok(RECORD_CITIZEN_AGREEMENT, { i: { programmeId, revision: p.revision, decision: 'AGREED' } }, token);
  await deliverPartnerAnswers(
    sut,
    partners.map((x) => partnerAnswer(prog, x)),
  );
  await eventually(async () => (await sut.ok(AGREEMENTS, { id: programmeId }, token)).adaptationProgramme.agreed);
}
