import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
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
