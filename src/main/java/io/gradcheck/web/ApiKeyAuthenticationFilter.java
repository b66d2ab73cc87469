package io.gradcheck.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its X-API-Key header: a known key becomes an authentication with the key's roles
 * (ROLE_INSTRUCTOR, ROLE_LMS). A missing or unknown key leaves the request anonymous; what an anonymous request
 * may do is the authorization rules' business, and {@link AccessProblems} says why it was refused.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    /**
     * Also on the async dispatch that follows a body read without a thread (BodyReader): the security chain
     * authorizes that dispatch again, and the stateless chain keeps no context from the first one.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(ApiKeys.HEADER);
        if (key != null && !key.isBlank()) {
            Set<ApiKeys.Role> roles = keys.roles(key);
            if (!roles.isEmpty()) {
                List<SimpleGrantedAuthority> authorities = roles.stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
                // the principal names the roles, never the key itself (it would end up in logs)
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "api-key " + roles, null, authorities));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
