package io.gradcheck.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header. The server is relative so that the committed document does not depend on a port. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI gradcheckOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("gradcheck")
                        .version("v1")
                        .description("Checks and grades derivatives written in the notation of the "
                                + "mathematics-for-machine-learning lecture notes. Errors are RFC 9457 "
                                + "application/problem+json with a stable `type`.")
                        .license(new License().name("Proprietary")))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeys.HEADER)
                        .description("An instructor key (gradcheck.security.instructor-keys). Statements, checks "
                                + "and parsing need none.")));
    }
}
