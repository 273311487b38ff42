import { returnReferral, type CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/** Вернуть направление ЦСПН (не тот ЦЗН, неполные сведения), пока гражданин не явился; ЦСПН видит причину. */
export const returnEmploymentIncomingReferral = (ctx: CaseContext, i: { referralId: string; reason: string }) =>
  returnReferral(
    ctx,
    {
      operation: 'returnEmploymentIncomingReferral',
      rule: CASE_WORK,
      entity: IncomingEmploymentReferral,
      receiverAgency: 'EMPLOYMENT',
    },
    i,
  );
