package io.gradcheck.web;

import io.gradcheck.GradcheckProperties;
import io.gradcheck.web.ApiKeys.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, in one place. Rules are tried top to bottom; the first that matches decides. A request
 * no rule names is open (statements, checks, parsing, documentation, health). AuthorizationMatrixTests walks
 * every operation of the OpenAPI document against this table.
 *
 * <p>Stateless (no session, no cookie): every request carries its credential. CSRF protection is off because an
 * API key is not an ambient credential a browser would attach by itself (docs/decisions.md, issue 10).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** What a rule asks for: nothing, or a key of one of these roles. */
    record Rule(RequestMatcher matcher, Set<Role> roles, String what) {

        boolean open() {
            return roles.isEmpty();
        }
    }

    private static final Set<Role> OPEN = EnumSet.noneOf(Role.class);
    private static final Set<Role> INSTRUCTOR = EnumSet.of(Role.INSTRUCTOR);
    private static final Set<Role> LMS_OR_INSTRUCTOR = EnumSet.of(Role.LMS, Role.INSTRUCTOR);

    static final List<Rule> RULES = List.of(
            // submissions and the grade book: the LMS that submits, and instructors
            rule(HttpMethod.POST, "/api/v1/problem-sets/*/problems/*/submissions", LMS_OR_INSTRUCTOR, "submissions"),
            rule(null, "/api/v1/submissions/**", LMS_OR_INSTRUCTOR, "submissions"),
            rule(HttpMethod.GET, "/api/v1/problem-sets/*/grades", LMS_OR_INSTRUCTOR, "submissions"),
            rule(HttpMethod.GET, "/api/v1/problem-sets/*/grades.csv", LMS_OR_INSTRUCTOR, "submissions"),
            // changing problem sets and what only teachers see
            rule(HttpMethod.POST, "/api/v1/problem-sets/*/problems/*/regrade", INSTRUCTOR, "instructor endpoints"),
            rule(HttpMethod.POST, "/api/v1/problem-sets", INSTRUCTOR, "instructor endpoints"),
            rule(HttpMethod.PUT, "/api/v1/problem-sets/*", INSTRUCTOR, "instructor endpoints"),
            rule(HttpMethod.DELETE, "/api/v1/problem-sets/*", INSTRUCTOR, "instructor endpoints"),
            rule(HttpMethod.GET, "/api/v1/problem-sets/*/definition", INSTRUCTOR, "instructor endpoints"),
            rule(null, "/api/v1/problem-sets/*/links", INSTRUCTOR, "instructor endpoints"),
            rule(null, "/api/v1/problem-sets/*/insights/**", INSTRUCTOR, "instructor endpoints"),
            rule(null, "/api/v1/lti/**", INSTRUCTOR, "instructor endpoints"),
            // learner pages and LTI carry their own credential (a learner token, an LTI id token)
            rule(null, "/learn/**", OPEN, "learner pages"),
            rule(null, "/api/v1/learn/**", OPEN, "learner pages"),
            rule(null, "/lti/**", OPEN, "LTI"),
            // instructor pages opened by a signed, expiring link (checked by their controller)
            rule(null, "/instructor/**", OPEN, "instructor pages"),
            rule(null, "/swagger-ui/**", OPEN, "documentation"),
            rule(null, "/swagger-ui.html", OPEN, "documentation"),
            rule(null, "/v3/api-docs/**", OPEN, "documentation"),
            rule(null, "/actuator/health/**", OPEN, "health"));

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles, String what) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), roles, what);
    }

    /**
     * The firewall's refusals (a parameter name or header it rejects, such as a form body's odd field name) are a
     * 400 problem+json like the container's, not an exception that would surface as a 500.
     */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> RawProblem.write(response, 400, ProblemTypes.BAD_HTTP_REQUEST,
                "Bad Request", "the request has a name or character in its path, parameters or headers that the "
                        + "service does not accept; send a plain path and a JSON body with Content-Type: "
                        + "application/json");
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, GradcheckProperties properties, JsonMapper json)
            throws Exception {
        ApiKeys keys = new ApiKeys(properties.security());
        AccessProblems problems = new AccessProblems(keys, RULES, json);
        RequestMatcher framed = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/learn/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/lti/**"));
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { }) // the CorsConfigurationSource of OpenCors: open endpoints, configured origins
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                // LMSs show learner pages and LTI launches in an iframe; everything else may not be framed
                .headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(framed),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY))))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new CacheHeaders(), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    for (Rule r : RULES) {
                        if (r.open()) {
                            auth.requestMatchers(r.matcher()).permitAll();
                        } else {
                            auth.requestMatchers(r.matcher()).hasAnyRole(
                                    r.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }
}
