import { graphqlClient, validSnils } from '@sc/testing';

/** Someone the tests register at ЦЗН or КЦСОН: the СНИЛС comes from the seed. */
interface Person {
  gatewayUrl: string;
  token: string;
  seed: number;
  lastName: string;
  firstName: string;
  birthDate: string;
}

const NEEDS = { socialHelp: true, psychologicalSupport: false, employmentHelp: true, vocationalTraining: false };

/** КЦСОН registers a person without work or income and refers them to ЦСПН for a social contract (M4). */
export async function referFromSocialService(p: Person): Promise<{ citizenId: string; referralId: string }> {
  const { ok } = graphqlClient(p.gatewayUrl, p.token);
  const reg = (
    await ok(
      `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
      {
        i: {
          citizen: { snils: validSnils(p.seed), lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate },
          needs: { ...NEEDS, financialLiteracy: false },
          circumstances: ['NO_WORK_NO_INCOME'],
        },
      },
    )
  ).registerSocialServiceApplication;
  const ref = (
    await ok(`mutation($i: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $i) { id } }`, {
      i: { citizenId: reg.citizen.id, basis: 'LOW_INCOME' },
    })
  ).referCitizenForSocialContract;
  return { citizenId: reg.citizen.id, referralId: ref.id };
}

/** ЦЗН registers an unemployed job seeker (a walk-in, or a contract holder who comes). */
export async function registerJobSeeker(p: Person): Promise<{ id: string }> {
  const { ok } = graphqlClient(p.gatewayUrl, p.token);
  return (
    await ok(`mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }`, {
      i: {
        citizen: { snils: validSnils(p.seed), lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate },
        status: 'UNEMPLOYED',
        needs: { ...NEEDS, socialHelp: false, vocationalTraining: true, financialLiteracy: false },
        education: 'SECONDARY_VOCATIONAL',
        profession: 'продавец',
        experienceYears: 4,
      },
    })
  ).registerJobSeeker;
}
