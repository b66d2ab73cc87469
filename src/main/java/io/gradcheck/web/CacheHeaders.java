package io.gradcheck.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caching of API answers: what a key was sent for (the instructor view carries reference answers) is
 * `private, no-store`, and every API answer varies with X-API-Key, so that no shared cache hands an instructor's
 * answer to a learner. Open read-only views say `public, max-age` themselves (ProblemSetController).
 */
class CacheHeaders extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, ApiKeys.HEADER);
        if (request.getHeader(ApiKeys.HEADER) != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        chain.doFilter(request, response);
    }
}
