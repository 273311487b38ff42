import { employmentServiceEventV1, socialServicesDeliveredV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { applyEmploymentServiceEvent, applySocialServicesDelivered } from '../application/apply-partner-reports';

/** ЦЗН's (M3) and КЦСОН's (M6) reports update the ПСА activities and payments. */
export const partnerReportHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({ message: employmentServiceEventV1, handle: (d, ctx) => applyEmploymentServiceEvent(deps, d, ctx) }),
  handler({ message: socialServicesDeliveredV1, handle: (d, ctx) => applySocialServicesDelivered(deps, d, ctx) }),
];
