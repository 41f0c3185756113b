import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Apollo's default landing page loads from a CDN; this GraphiQL page is self-contained and works offline.
 * Rendered when a browser first asks for it: the package holds the whole GraphiQL bundle as text (about
 * 40 MB of a gateway's memory once loaded), which a gateway that only answers applications never needs.
 */
export function offlineGraphiQL(): ApolloServerPlugin {
  let page: Promise<string> | undefined;
  const render = async () => {
    const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
    return renderGraphiQL({ endpoint: '/graphql', title: '机构编制信息共享平台 · Staffing Data-Sharing Hub', defaultQuery: DEFAULT_QUERY });
  };
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            // Rendered once; a failed load is tried again on the next request rather than kept.
            html: () =>
              (page ??= render().catch((error: unknown) => {
                page = undefined;
                throw error;
              })),
          };
        },
      };
    },
  };
}

const DEFAULT_QUERY = `# 机构编制信息共享平台 — 一次查询跨四个部门
# Staffing Data-Sharing Hub — one query across four offices
#
# 不带令牌只能读取开放信息 / without a token, open items only.
# 令牌 / token:  pnpm -s run token --office staffing --role OPERATOR
# 填入下方 Headers / put in Headers below:
#   {"authorization": "Bearer <token>"}
# 我可以读哪些字段？/ what may I read?
#   { myAccess { coordinate allowed reason } }
query InstitutionsOverview {
  institutions(first: 5, level: CITY) {
    totalCount
    nodes {
      creditCode
      name
      fundingForm
      quotas { category approved occupied vacant }
      leadershipPostsApproved
      leadershipPostsFilled
      budgetUnit { fundingForm budgetedHeadcount }
      workforceByType { type count }
    }
  }
}
`;
