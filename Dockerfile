# Minimal for now; the deployment issue completes it (non-root user, healthcheck, JVM flags).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/gradcheck-*.jar app.jar
COPY problem-sets problem-sets
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
