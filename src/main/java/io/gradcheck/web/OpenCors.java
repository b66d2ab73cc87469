package io.gradcheck.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the open endpoints only (parsing, checks, the public problem views), for the origins configured in
 * gradcheck.cors.allowed-origins (none by default: no cross-origin page may call). Keyed endpoints never answer a
 * cross-origin browser: X-API-Key is not an allowed header, so their preflight fails.
 */
@Configuration(proxyBeanMethods = false)
class OpenCors {

    static final List<String> OPEN_PATHS = List.of("/api/v1/expressions/parse", "/api/v1/checks",
            "/api/v1/problem-sets", "/api/v1/problem-sets/*", "/api/v1/problem-sets/*/problems/*",
            "/api/v1/problem-sets/*/problems/*/check");

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${gradcheck.cors.allowed-origins:}") List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (allowed.isEmpty()) {
            return source;
        }
        CorsConfiguration open = new CorsConfiguration();
        open.setAllowedOrigins(allowed);
        open.setAllowedMethods(List.of("GET", "POST"));
        open.setAllowedHeaders(List.of("Content-Type"));
        open.setExposedHeaders(List.of("ETag"));
        open.setMaxAge(3600L);
        OPEN_PATHS.forEach(p -> source.registerCorsConfiguration(p, open));
        return source;
    }
}
