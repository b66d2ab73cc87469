# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run on a slim JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY openapi openapi
COPY problem-sets problem-sets
RUN ./mvnw -B -ntp -q -DskipTests package && cp target/gradcheck-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system gradcheck && useradd --system --gid gradcheck --home-dir /app gradcheck
WORKDIR /app
COPY --from=build /src/app.jar app.jar
COPY problem-sets problem-sets
RUN mkdir data && chown gradcheck:gradcheck data
USER gradcheck
EXPOSE 8080
# Container-aware heap, fail fast on OOM so the orchestrator restarts us; graceful shutdown is configured in the app.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
