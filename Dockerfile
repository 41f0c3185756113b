# One image for every service of the hub; the command chooses which (docker-compose.yml):
#   node --import tsx subgraphs/<organization|staffing|hr|finance|catalog>/src/index.ts   an office's subgraph, or the catalog
#   node --import tsx gateway/src/index.ts                                                 a gateway
#   node --import tsx hub/src/seed.ts                                                      the seed step (migrations, demo city into empty databases)
# node runs as PID 1's only child under `init: true` (compose) and handles SIGTERM itself: it drains its
# server and closes its database. Sources run through tsx (no build step), as in development.
FROM node:20-bookworm-slim
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=true HOST=0.0.0.0 DATA_DIR=/var/lib/hub
# A young generation of 64 MB semi-spaces, as package.json's start scripts run the hub (README, "A fourth round: the young generation").
ENV NODE_OPTIONS=--max-semi-space-size=64
RUN npm install -g pnpm@12.4.2
WORKDIR /app
# Dependencies first (cached while only sources change): the workspace's manifests and the lockfile.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches ./patches
COPY schema/package.json schema/
COPY gateway/package.json gateway/
COPY hub/package.json hub/
COPY test/package.json test/
COPY subgraphs/organization/package.json subgraphs/organization/
COPY subgraphs/staffing/package.json subgraphs/staffing/
COPY subgraphs/hr/package.json subgraphs/hr/
COPY subgraphs/finance/package.json subgraphs/finance/
COPY subgraphs/catalog/package.json subgraphs/catalog/
# tsx (a devDependency) runs the sources, so the whole lockfile is installed.
RUN pnpm install --frozen-lockfile
COPY . .
RUN mkdir -p /var/lib/hub && chown node:node /var/lib/hub
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 4000}/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
