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
COPY --from=build /src/app.jar /tmp/app.jar
COPY problem-sets problem-sets
# Warm start (issue 16): the jar extracted (Spring Boot's tools jar mode: app.jar + lib/), and a class-data
# sharing archive of every class loaded during start-up, made by one training start that stops after the
# context is refreshed (in-memory H2, nothing kept). A start then maps the classes instead of loading them.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/service && rm /tmp/app.jar \
 && java -XX:ArchiveClassesAtExit=/app/service/app.jsa -Xmx256m -XX:+UseSerialGC -Dspring.context.exit=onRefresh \
      -jar /app/service/app.jar --spring.datasource.url=jdbc:h2:mem:training > /dev/null \
 && mkdir data && chown gradcheck:gradcheck data
USER gradcheck
EXPOSE 8080
# A fixed heap cap (the container's limit should leave ~150 MiB above it for metaspace, code and threads); the
# serial collector (2 cores, small heap: short pauses, the least memory) giving memory back after a full
# collection when over 30 % of the heap is free (docs/performance.md: idle RSS); the C heap trimmed every 2 s (memory
# the JIT and start-up freed goes back to the system; JDK 17.0.9 or later); small thread stacks; fail fast on OOM
# so the orchestrator restarts us. Graceful shutdown is configured in the app.
ENV JAVA_TOOL_OPTIONS="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/service/app.jsa", "-jar", "/app/service/app.jar"]
