import { programmeAgreementAnsweredV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import { recordPartnerProgrammeAnswer } from '../application/record-partner-programme-answer';

/** ЦЗН's and КЦСОН's answers to the draft ПСА (M7, drafting). */
export const programmeAgreementHandlers = (): MessageHandler[] => [
  handler({ message: programmeAgreementAnsweredV1, handle: (d, ctx) => recordPartnerProgrammeAnswer(d, ctx) }),
];
