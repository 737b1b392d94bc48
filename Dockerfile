# syntax=docker/dockerfile:1
# The bot's image: compiled JavaScript on node:20-slim, production dependencies only, run as
# the unprivileged `node` user. Nothing is fetched at start: the Prisma query compiler and the
# WebAssembly schema engine (migrations, applied at start) are in node_modules, the topic
# classifier is trained here, at build time. Build: `docker build -t doanbot:$(git rev-parse --short HEAD) .`

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: dev dependencies, better-sqlite3's native toolchain, `npm run build` ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# better-sqlite3 builds against this node's own headers when no prebuilt binary is reachable
ENV npm_config_nodedir=/usr/local
WORKDIR /app
# `npm ci` runs `prepare` (scripts/prisma-generate.mjs), which needs the schema
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: the compiled bot and its production dependencies ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    TZ=Asia/Ho_Chi_Minh \
    DATABASE_URL=file:/data/bot.db \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# SQLite (the default) lives in /data; with PostgreSQL the volume stays empty
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# liveness on the webhook server (BOT_MODE=webhook); node:20-slim has no curl
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# the same command as package.json's `start` and test/e2e/start.test.ts (test/unit/deploy.test.ts checks it)
CMD ["node", "dist/bot/app/main.js"]
