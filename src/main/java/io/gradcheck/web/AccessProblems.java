package io.gradcheck.web;

import io.gradcheck.errors.ProblemType;
import io.gradcheck.web.ApiKeys.Role;
import io.gradcheck.web.SecurityConfiguration.Rule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused request as problem+json: 401 without a key; 403 with a key that does not allow this (unknown, or of
 * another role); 403 too when no key of the needed roles is configured at all, since no key could help.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ApiKeys keys;
    private final List<Rule> rules;
    private final JsonMapper json;

    AccessProblems(ApiKeys keys, List<Rule> rules, JsonMapper json) {
        this.keys = keys;
        this.rules = rules;
        this.json = json;
    }

    /** An anonymous request (no key, or a key nobody configured) reached a rule that needs a role. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Rule rule = rule(request);
        String key = request.getHeader(ApiKeys.HEADER);
        if (!keys.anyConfigured(rule.roles())) {
            write(request, response, HttpStatus.FORBIDDEN, rule.what() + " are disabled: no " + roles(rule.roles())
                    + " key is configured (set " + settings(rule.roles()) + ")");
        } else if (key == null || key.isBlank()) {
            write(request, response, HttpStatus.UNAUTHORIZED, "this needs an "
                    + roles(rule.roles()) + " key in the " + ApiKeys.HEADER + " header");
        } else {
            forbidden(request, response, rule);
        }
    }

    /** An authenticated key of another role. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        forbidden(request, response, rule(request));
    }

    private void forbidden(HttpServletRequest request, HttpServletResponse response, Rule rule) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "the " + ApiKeys.HEADER + " given is not an "
                + roles(rule.roles()) + " key");
    }

    private Rule rule(HttpServletRequest request) {
        return rules.stream().filter(r -> r.matcher().matches(request)).findFirst()
                .orElse(new Rule(r -> true, Set.of(Role.INSTRUCTOR), "instructor endpoints"));
    }

    private static String roles(Set<Role> roles) {
        return roles.contains(Role.LMS) ? "LMS or instructor" : "instructor";
    }

    private static String settings(Set<Role> roles) {
        return roles.contains(Role.LMS) ? "GRADCHECK_SECURITY_LMS_KEYS or GRADCHECK_SECURITY_INSTRUCTOR_KEYS"
                : "gradcheck.security.instructor-keys or GRADCHECK_SECURITY_INSTRUCTOR_KEYS";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        boolean unauthenticated = status == HttpStatus.UNAUTHORIZED;
        ProblemDetail p = ProblemHandler.problem(unauthenticated ? ProblemType.UNAUTHENTICATED : ProblemType.FORBIDDEN,
                detail);
        p.setInstance(URI.create(request.getRequestURI()));
        if (unauthenticated) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeys.HEADER + "\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), p); // UTF-8, as JSON requires (RFC 8259)
    }
}
