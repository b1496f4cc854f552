# Build: docker build -t glimpse .
# Run:   docker run -p 8080:8080 -v glimpse-data:/app/data -v glimpse-models:/app/models glimpse

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -Dspotless.check.skip=true || true
COPY frontend frontend
COPY src src
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app glimpse \
    && mkdir -p /app/data /app/models \
    && chown -R glimpse /app
WORKDIR /app
COPY --from=build /src/target/glimpse-*.jar /app/glimpse.jar
USER glimpse
VOLUME ["/app/data", "/app/models"]
EXPOSE 8080
# Sign-in required: configure users with GLIMPSE_SECURITY_USERS_0_NAME, GLIMPSE_SECURITY_USERS_0_PASSWORDHASH
# (bcrypt) and GLIMPSE_SECURITY_USERS_0_TOKENHASHES_0 (SHA-256 hex of an API token), or an OIDC provider.
ENV GLIMPSE_SECURITY_ENABLED=true
# Database and storage come from the environment: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
# GLIMPSE_STORAGE_TYPE=gcs with GLIMPSE_GCS_BUCKET (and GOOGLE_APPLICATION_CREDENTIALS), PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", "-Dai.djl.offline=true", "-XX:MaxRAMPercentage=75", "-jar", "/app/glimpse.jar"]
