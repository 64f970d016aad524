# Self-hosting Hesabat (README "Deployment"): a standalone Next.js server (NEXT_OUTPUT=standalone,
# next.config.mjs) on Node 20. With no DATABASE_URL it keeps the embedded database (PGlite) in
# the /data volume, migrating and loading the demo at start; with DATABASE_URL (PostgreSQL) the
# start only checks the schema, which the `migrate` target brings up to date first:
#   docker build --target migrate -t hesabat-migrate . && docker run --rm -e MIGRATION_DATABASE_URL=… hesabat-migrate
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The deploy step on PostgreSQL: `npm run db:migrate` (and, for a demo, `npm run db:seed`).
FROM ${NODE_IMAGE} AS migrate
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
CMD ["npm", "run", "db:migrate"]

FROM migrate AS build
ENV NEXT_OUTPUT=standalone
RUN npm run build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    PGLITE_DIR=/data/pglite
# server.js and the traced node_modules, plus what the trace does not carry: the client's static
# files, public/, and the files read at run time from the working directory.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
COPY --from=build --chown=node:node /app/lib/server/submissions/receipt/fonts ./lib/server/submissions/receipt/fonts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
