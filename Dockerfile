# Jianyan in one container: the built client, the server bundle and its production dependencies.
#
#   docker build -t jianyan .
#   docker run -d --name jianyan -p 8787:8787 -v jianyan-data:/var/lib/jianyan jianyan
#   docker logs jianyan    # the one-time setup link of a new data volume
#
# server/test/serviceCommands.test.ts runs this file's CMD and HEALTHCHECK against a real server.

# Both stages use the same image, so better-sqlite3's native module is built for the platform it
# runs on.
FROM node:20-bookworm-slim AS build
# node-gyp needs these when no prebuilt better-sqlite3 binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The npm of package.json's packageManager: it honours the allowScripts list.
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 DATA_DIR=/var/lib/jianyan
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's unprivileged `node` user owns only the data directory.
RUN mkdir -p /var/lib/jianyan && chown node:node /var/lib/jianyan
USER node
VOLUME /var/lib/jianyan
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server stores everything pending on SIGTERM, then exits 0 (server/main.ts). Node runs as
# PID 1 with no shell or npm in between, so the signal reaches it.
STOPSIGNAL SIGTERM
# The node flags of package.json's start script.
CMD ["node", "--max-semi-space-size=4", "--enable-source-maps", "dist/server/main.js"]
