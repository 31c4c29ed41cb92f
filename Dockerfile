# Build stage: everything needed to compile (dev dependencies included), then only what runs is kept.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: compiled code, production dependencies (with the @apollo/gateway patch applied),
# the composed supergraph and the calendar folder; run as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=true \
    HOST=0.0.0.0 \
    HEALTH_URL=http://127.0.0.1:4000/healthz
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY calendar ./calendar
USER node
EXPOSE 4000 4001 4002 4003
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTH_URL).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The gateway by default; a level platform with `node dist/scripts/start-level.js REGION|CITY|COUNTY`.
CMD ["node", "dist/gateway/main.js"]
