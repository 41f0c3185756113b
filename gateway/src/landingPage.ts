import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** Apollo's default landing page loads from a CDN; this GraphiQL page is self-contained and works offline. */
export function offlineGraphiQL(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: renderGraphiQL({
              endpoint: '/graphql',
              title: '机构编制信息共享平台 · Staffing Data-Sharing Hub',
              defaultQuery: DEFAULT_QUERY,
            }),
          };
        },
      };
    },
  };
}

const DEFAULT_QUERY = `# 机构编制信息共享平台 — 一次查询跨四个部门
# Staffing Data-Sharing Hub — one query across four offices
#
# 不带令牌只能读取开放信息；在下方 Headers 中填入 {"authorization": "Bearer <令牌>"}（pnpm -s run token --office staffing --role OPERATOR）
# Without a token only open items are readable; put {"authorization": "Bearer <token>"} in Headers below.
# 我现在可以读取哪些字段？/ What may I read now?  { myAccess { coordinate allowed reason } }
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
