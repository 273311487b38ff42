import { MESSAGE_FLOWS } from '@sc/contracts';
import { employmentSubgraph } from '@sc/employment';
import { socialProtectionSubgraph } from '@sc/social-protection';
import { socialServiceSubgraph } from '@sc/social-service';
import { consumerHandlers, type ServiceDeps } from '@sc/subgraph-kit';

/**
 * The AsyncAPI document's receive operations (MESSAGE_FLOWS) are what the
 * services really consume: each agency's handlers, built as its consumer
 * builds them, name exactly the types the document says it receives.
 */
describe('message flows in the AsyncAPI document match the services’ consumers', () => {
  const deps = {} as ServiceDeps; // handlers only close over it; nothing runs
  it.each([socialProtectionSubgraph, employmentSubgraph, socialServiceSubgraph].map((d) => [d.agency, d] as const))(
    '%s receives what the document says',
    (agency, def) => {
      const consumed = [...new Set(consumerHandlers(def, deps).map((h) => h.message.type))].sort();
      const declared = Object.entries(MESSAGE_FLOWS)
        .filter(([, f]) => (f.receive as readonly string[]).includes(agency))
        .map(([type]) => type)
        .sort();
      expect(consumed).toEqual(declared);
    },
  );
});
