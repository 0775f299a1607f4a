# The helpdesk as one container: bin/serve.ts (Next.js behind node:http) on port 3000.
# Needs an external PostgreSQL (DATABASE_URL) and, for more than one container, S3 storage
# (STORAGE=s3 …); see docker-compose.yml and docs/deployment.md. Build: docker build -t helpdesk .

# ---- build: install everything, generate the Prisma client, build Next.js, drop dev packages
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY server/db ./server/db
# postinstall runs `prisma generate` (offline: the WebAssembly engine, a placeholder URL)
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev && rm -rf .next/cache

# ---- run: the built app, read-only for the unprivileged user that runs it
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
RUN groupadd --system --gid 10001 helpdesk \
 && useradd --system --uid 10001 --gid helpdesk --home-dir /app --shell /usr/sbin/nologin helpdesk \
 && mkdir -p /data && chown helpdesk:helpdesk /data
COPY --from=build /app /app
# Next.js keeps its runtime cache under .next/cache: the only app folder the user may write
RUN mkdir -p /app/.next/cache && chown -R helpdesk:helpdesk /app/.next/cache
USER helpdesk
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# migrations first (under an advisory lock: containers starting together do not race), then the server
CMD ["sh", "-c", "node_modules/.bin/tsx bin/helpdesk.ts migrate && exec node_modules/.bin/tsx bin/serve.ts"]
