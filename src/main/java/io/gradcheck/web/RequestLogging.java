package io.gradcheck.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request runs under a request id: the caller's X-Request-Id when it is a plausible id, a new one
 * otherwise, echoed in the response and put in the MDC for every line logged meanwhile.
 *
 * <p>The access line (method, path, status, milliseconds) is a DEBUG line of the logger
 * {@code gradcheck.requests}: at thousands of checks a second a synchronous INFO line per request cost about a
 * fifth of the throughput (issue 16). What needs a look is still logged at WARN: server errors, and requests
 * slower than {@code gradcheck.requests.slow-ms}. Metrics (/actuator/metrics/http.server.requests) count the
 * rest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogging extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String START = RequestLogging.class.getName() + ".start";
    private static final Logger log = LoggerFactory.getLogger("gradcheck.requests");

    private final long slowNanos;

    RequestLogging(@Value("${gradcheck.requests.slow-ms:1000}") long slowMillis) {
        this.slowNanos = slowMillis * 1_000_000;
    }

    /** Also on the dispatch that follows a body read without a thread (same id, one line per request). */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = (String) request.getAttribute(HEADER);
        if (id == null) {
            id = given != null && PLAUSIBLE.matcher(given).matches() ? given : newId();
            request.setAttribute(HEADER, id);
            request.setAttribute(START, System.nanoTime());
        }
        MDC.put("requestId", id);
        response.setHeader(HEADER, id);
        long start = (Long) request.getAttribute(START);
        try {
            chain.doFilter(request, response);
        } finally {
            long elapsed = System.nanoTime() - start;
            int status = response.getStatus();
            // a probe's 503 while starting or draining is its answer, not an error to look at
            boolean probe = request.getRequestURI().startsWith("/actuator");
            // a body still being read (BodyReader) comes back as an async dispatch: logged then
            boolean pending = request.isAsyncStarted();
            if (!pending && ((status >= 500 && !probe) || elapsed > slowNanos)) {
                log.warn("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, elapsed / 1_000_000);
            } else if (!pending && log.isDebugEnabled() && !probe) {
                log.debug("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, elapsed / 1_000_000);
            }
            MDC.remove("requestId");
        }
    }

    /**
     * A random id in UUID form. Not {@code UUID.randomUUID()}: that draws from the shared SecureRandom, which
     * requests then queue on; an id to correlate log lines needs no cryptographic strength.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
