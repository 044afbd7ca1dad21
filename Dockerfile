# One image recipe for both services: docker build --build-arg SERVICE=command-service -t small-wins/command-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /service.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 smallwins
USER smallwins
COPY --from=build /service.jar /app/service.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
