# The image runs the jar Maven already built, so build it first (README, "The two commands"):
#   mvn -B -q package -DskipTests
# Packaging outside Docker keeps one build (and one test run) for the jar, whether or not it ships
# in an image, and keeps the context down to that single file (.dockerignore).
FROM eclipse-temurin:17-jre

# curl is what the compose health checks run inside the container; the base image does not promise it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# A fixed uid, so a host directory mounted on /data can be given to it.
RUN groupadd --system --gid 10001 tre \
    && useradd --system --uid 10001 --gid tre --home-dir /data --shell /usr/sbin/nologin tre \
    && mkdir -p /data \
    && chown tre:tre /data

COPY tre-api/target/tre-api.jar /app/tre-api.jar

# Logs (<dir>/logs/tre.log) and, on the embedded default, the H2 database and admin-token live here.
ENV TRE_DATA_DIR=/data
VOLUME /data

USER tre
WORKDIR /data
EXPOSE 8080

# Exec form: the JVM is pid 1 and receives SIGTERM, so the graceful shutdown in application.yml runs.
# The heap follows the container's memory limit; the JVM's default of a quarter of it starves a server.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tre-api.jar"]
