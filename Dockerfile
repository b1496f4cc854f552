# Build: docker build -t glimpse .
# Run:   docker run -p 8080:8080 -v glimpse-data:/app/data glimpse   (models download into the image's /app/models;
#        add -v glimpse-models:/app/models to keep downloaded ones across containers, not with baked-in models)
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
# Every folder the app writes exists in the image and belongs to its user, so a named volume mounted on any of them
# (docker-compose.yml: /app/data; docker-compose.multi.yaml: /app/data/blobs, /app/data/index; /app/models) starts as
# a copy of it, writable by uid 10001, instead of an empty root-owned folder.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app glimpse \
    && mkdir -p /app/data /app/data/blobs /app/data/index /app/data/postgres /app/models \
    && chown -R glimpse:glimpse /app
WORKDIR /app
COPY --from=build /src/target/glimpse-*.jar /app/glimpse.jar
COPY --from=models --chown=glimpse:glimpse / /app/models/
# true when the models are baked in: never contact the hub (a missing model is then reported at once)
ENV GLIMPSE_MODELS_OFFLINE=${MODELS_OFFLINE}
USER glimpse
# No VOLUME instruction: an anonymous volume on /app/models would keep the models of the first image and hide those
# of a newer one after an upgrade. Mount volumes where you want data to survive (README, Deploy).
ENV PORT=8080
EXPOSE 8080
# Sign-in required: configure users with GLIMPSE_SECURITY_USERS_0_NAME, GLIMPSE_SECURITY_USERS_0_PASSWORDHASH
# (bcrypt) and GLIMPSE_SECURITY_USERS_0_TOKENHASHES_0 (SHA-256 hex of an API token), or an OIDC provider.
ENV GLIMPSE_SECURITY_ENABLED=true
# Database and storage come from the environment: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
# GLIMPSE_STORAGE_TYPE=gcs with GLIMPSE_GCS_BUCKET (and GOOGLE_APPLICATION_CREDENTIALS), PORT.
# Memory, sized from the measured footprint (README, Memory: the peak, the machine size): the model weights are
# direct buffers outside the heap, and the heap itself stays small. So the heap is capped at 1 GB instead of a share of
# the machine, and direct memory at 2 GB (by default it equals the heap cap, too small for the weights).
# Override with -e JDK_JAVA_OPTIONS="-Xmx… -XX:MaxDirectMemorySize=…".
ENV JDK_JAVA_OPTIONS="-Xmx1g -XX:MaxDirectMemorySize=2g"
# Readiness (database, blob storage): a missing model turns /actuator/health DOWN (the "models" component says why)
# but typed search still works, so it does not mark the container unhealthy. The shell form reads the port the app
# listens on (PORT), whatever it is set to.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", "-Dai.djl.offline=true", "-jar", "/app/glimpse.jar"]
