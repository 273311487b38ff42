import { TEST_NEEDS, validSnils } from '@sc/testing';

export const SUBMIT_APPLICATION = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id decisionDueDate } }`;

/** An applicant living alone on wages in the given months (the income period of the day it is submitted). */
export const applicationInput = (seed: number, lastName: string, months: readonly string[]) => ({
  i: {
    citizen: { snils: validSnils(seed), lastName, firstName: 'Анна', birthDate: '1991-01-01' },
    zone: 'WHOLE_REGION',
    needs: TEST_NEEDS,
    household: [
      {
        relation: 'APPLICANT',
        fullName: `${lastName} Анна`,
        birthDate: '1991-01-01',
        incomes: months.map((month) => ({ month, kind: 'WAGES', amountKopecks: 1_000_000 })),
      },
    ],
  },
});
