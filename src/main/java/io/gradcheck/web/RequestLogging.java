package io.gradcheck.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request (method, path, status, milliseconds) under a request id: the caller's X-Request-Id
 * when it is a plausible id, a new one otherwise, echoed in the response and put in the MDC for every line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogging extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String START = RequestLogging.class.getName() + ".start";
    private static final Logger log = LoggerFactory.getLogger("gradcheck.requests");

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
            id = given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(HEADER, id);
            request.setAttribute(START, System.nanoTime());
        }
        MDC.put("requestId", id);
        response.setHeader(HEADER, id);
        long start = (Long) request.getAttribute(START);
        try {
            chain.doFilter(request, response);
        } finally {
            // a body still being read (BodyReader) comes back as an async dispatch: logged then
            if (!request.isAsyncStarted() && !request.getRequestURI().startsWith("/actuator")) {
                log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove("requestId");
        }
    }
}
