# Kehu service image: builds the SPA and the Rust binary, runs as non-root.
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

FROM rust:1.95-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --bin kehu

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libssl3 ca-certificates curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/kehu --create-home kehu
COPY --from=build /src/target/release/kehu /usr/local/bin/kehu
COPY --from=spa /src/frontend/dist /usr/share/kehu/spa
USER kehu
WORKDIR /var/lib/kehu
ENV KEHU_BIND=0.0.0.0:8080 KEHU_STATIC_DIR=/usr/share/kehu/spa KEHU_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["kehu"]
CMD ["serve"]
