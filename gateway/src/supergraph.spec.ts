import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { composeSupergraph, SUBGRAPHS, subgraphSdl, SUPERGRAPH_PATH } from './supergraph';

describe('static supergraph', () => {
  it('composes without errors and the committed gateway/supergraph.graphql is current (npm run compose)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('has Citizen as one entity with fields from all three subgraphs', () => {
    const sdl = composeSupergraph();
    const citizen = /type Citizen[\s\S]*?\{([\s\S]*?)\n\}/.exec(sdl)![1]!;
    expect(citizen).toMatch(/socialProtectionProfile: CitizenProfile @join__field\(graph: SOCIAL_PROTECTION\)/);
    expect(citizen).toMatch(/employmentProfile: CitizenProfile @join__field\(graph: EMPLOYMENT\)/);
    expect(citizen).toMatch(
      /socialServiceReferrals: \[SocialServiceReferral!\]! @join__field\(graph: SOCIAL_SERVICE\)/,
    );
  });

  it('fails fast on a breaking change: two subgraphs defining the same field differently', () => {
    const broken = SUBGRAPHS.map((s) => ({
      name: s.name,
      url: s.url,
      typeDefs: parse(
        s.name === 'employment'
          ? subgraphSdl(s.dir).replace(
              'employmentProfile: CitizenProfile',
              'employmentProfile: CitizenProfile\n  contractApplications: [String!]!',
            )
          : subgraphSdl(s.dir),
      ),
    }));
    expect(composeServices(broken).errors?.length).toBeGreaterThan(0);
  });
});

describe('the case file is planned in one step', () => {
  /** The query plan's fetches, in plan order, and whether any waits for another (a Sequence or a Flatten). */
  const planOf = (query: string) => {
    const supergraph = Supergraph.build(composeSupergraph());
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
    const text = prettyFormatQueryPlan(plan);
    return { services: [...text.matchAll(/Fetch\(service: "([^"]+)"\)/g)].map((m) => m[1]).sort(), text };
  };

  it('asks the three agencies for a citizen at once: citizen(id) is a root of each subgraph, none waits', () => {
    const { services, text } = planOf(`query CaseFile($id: ID!) { citizen(id: $id) { id
      socialProtectionProfile { lastName } contractApplications { id status }
      employmentProfile { lastName } jobSeekerRegistrations { id status }
      socialServiceProfile { lastName } socialServiceApplications { id status } } }`);
    expect(services).toEqual(['employment', 'social-protection', 'social-service']);
    expect(text).toMatch(/^QueryPlan \{\s+Parallel \{/);
    expect(text).not.toMatch(/Sequence|Flatten/);
  });

  it('waits for a second step only where an agency holds the link: a list from one, details from others', () => {
    const { services, text } = planOf(
      '{ scApplications(first: 2) { edges { node { id citizen { jobSeekerRegistrations { id } } } } } }',
    );
    expect(services).toEqual(['employment', 'social-protection']);
    expect(text).toMatch(/Sequence \{[\s\S]*Flatten\(path: "scApplications\.edges\.@\.node\.citizen"\)/);
  });
});
