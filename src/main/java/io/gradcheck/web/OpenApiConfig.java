package io.gradcheck.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header. The server is relative so that the committed document does not depend on a port. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String INSTRUCTOR_KEY = "instructorKey";
    static final String LMS_KEY = "lmsKey";

    @Bean
    OpenAPI gradcheckOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("gradcheck")
                        .version("v1")
                        .description("Checks and grades derivatives written in the notation of the "
                                + "mathematics-for-machine-learning lecture notes. Errors are RFC 9457 "
                                + "application/problem+json with a stable `type`.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-gradcheck-proprietary")))
                .servers(List.of(new Server().url("/").description("this service")))
                // one header, two roles: the key's role decides (SecurityConfiguration.RULES)
                .components(new Components()
                        .addSecuritySchemes(INSTRUCTOR_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeys.HEADER)
                                .description("An INSTRUCTOR key (gradcheck.security.instructor-keys): everything, "
                                        + "including reference answers, edits, the grade book and LTI administration. "
                                        + "Statements, checks and parsing need no key."))
                        .addSecuritySchemes(LMS_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeys.HEADER)
                                .description("An LMS key (gradcheck.security.lms-keys): what a learning platform "
                                        + "needs and no more: submit answers, read submissions and the grade book.")));
    }

    /**
     * Every enum is written in lower case (spring.jackson.datatype.enum.write-enums-to-lowercase); the document
     * says so too, instead of the constants' Java names.
     */
    @Bean
    OpenApiCustomizer lowerCaseEnums() {
        return api -> {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(OpenApiConfig::lowerCaseEnums);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void lowerCaseEnums(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getEnum() != null && schema.getEnum().stream().allMatch(String.class::isInstance)) {
            ((Schema<String>) schema).setEnum(schema.getEnum().stream()
                    .map(v -> ((String) v).toLowerCase(Locale.ROOT)).toList());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfig::lowerCaseEnums);
        }
        lowerCaseEnums(schema.getItems());
    }
}
