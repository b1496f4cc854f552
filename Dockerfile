# Build: docker build -t glimpse .
# Run:   docker run -p 8080:8080 -v glimpse-data:/app/data -v glimpse-models:/app/models glimpse
#
# Models in the image (no download at first use; for air-gapped hosts and fly.io), either
#   a models/ folder pre-fetched elsewhere:  docker build --build-context models=./models --build-arg MODELS_OFFLINE=true -t glimpse .
#   or downloaded while building:            docker build --build-arg PREFETCH_MODELS=true --build-arg MODELS_OFFLINE=true -t glimpse .
# (choose the models with --build-arg PREFETCH_ARGS="--glimpse.speech.model=openai/whisper-tiny ...")

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -Dspotless.check.skip=true || true
COPY frontend frontend
COPY frontend-check frontend-check
COPY src src
RUN ./mvnw -B -DskipTests package

# The configured models, downloaded during the build when PREFETCH_MODELS=true (needs the hub); empty otherwise.
FROM build AS prefetch
ARG PREFETCH_MODELS=false
ARG PREFETCH_ARGS=""
RUN mkdir -p /models && if [ "$PREFETCH_MODELS" = "true" ]; then \
        java -jar target/glimpse-*.jar prefetch-models --glimpse.models.store=/models $PREFETCH_ARGS; \
    fi

# What ends up in /app/models: the prefetch stage's folder, or a local folder given with
# --build-context models=./models (a named build context replaces this stage).
FROM scratch AS models
COPY --from=prefetch /models /

FROM eclipse-temurin:25-jre
ARG MODELS_OFFLINE=false
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app glimpse \
    && mkdir -p /app/data /app/models \
    && chown -R glimpse /app
WORKDIR /app
COPY --from=build /src/target/glimpse-*.jar /app/glimpse.jar
COPY --from=models --chown=glimpse / /app/models/
# true when the models are baked in: never contact the hub (a missing model is then reported at once)
ENV GLIMPSE_MODELS_OFFLINE=${MODELS_OFFLINE}
USER glimpse
VOLUME ["/app/data", "/app/models"]
EXPOSE 8080
# Sign-in required: configure users with GLIMPSE_SECURITY_USERS_0_NAME, GLIMPSE_SECURITY_USERS_0_PASSWORDHASH
# (bcrypt) and GLIMPSE_SECURITY_USERS_0_TOKENHASHES_0 (SHA-256 hex of an API token), or an OIDC provider.
ENV GLIMPSE_SECURITY_ENABLED=true
# Database and storage come from the environment: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
# GLIMPSE_STORAGE_TYPE=gcs with GLIMPSE_GCS_BUCKET (and GOOGLE_APPLICATION_CREDENTIALS), PORT.
# Readiness (database, blob storage): a missing model turns /actuator/health DOWN (the "models" component says why)
# but typed search still works, so it does not mark the container unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", "-Dai.djl.offline=true", "-XX:MaxRAMPercentage=75", "-jar", "/app/glimpse.jar"]
