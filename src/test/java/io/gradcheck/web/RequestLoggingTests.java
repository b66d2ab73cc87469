package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The access line is DEBUG; server errors and slow requests are WARN; every response carries an id. */
class RequestLoggingTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger("gradcheck.requests");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void capture() {
        before = logger.getLevel();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    private MockHttpServletResponse run(RequestLogging filter, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(status));
        return response;
    }

    @Test
    void anOrdinaryRequestWritesNothingAtInfo() throws Exception {
        logger.setLevel(Level.INFO);
        MockHttpServletResponse response = run(new RequestLogging(1000), 200);
        assertThat(lines.list).isEmpty();
        assertThat(response.getHeader(RequestLogging.HEADER)).hasSize(36);
    }

    @Test
    void theAccessLineIsThereAtDebug() throws Exception {
        logger.setLevel(Level.DEBUG);
        run(new RequestLogging(1000), 200);
        assertThat(lines.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).startsWith("POST /api/v1/checks 200 ");
        });
    }

    @Test
    void serverErrorsAndSlowRequestsAreWarnings() throws Exception {
        logger.setLevel(Level.INFO);
        run(new RequestLogging(1000), 503);
        run(new RequestLogging(-1), 200);
        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.WARN);
        assertThat(lines.list.get(0).getFormattedMessage()).startsWith("POST /api/v1/checks 503 ");
    }

    @Test
    void aProbeAnsweringNotReadyIsNoWarning() throws Exception {
        logger.setLevel(Level.INFO);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/readiness");
        new RequestLogging(1000).doFilter(request, new MockHttpServletResponse(),
                (req, res) -> ((MockHttpServletResponse) res).setStatus(503));
        assertThat(lines.list).isEmpty();
    }

    @Test
    void newIdsDiffer() throws Exception {
        RequestLogging filter = new RequestLogging(1000);
        assertThat(run(filter, 200).getHeader(RequestLogging.HEADER))
                .isNotEqualTo(run(filter, 200).getHeader(RequestLogging.HEADER));
    }
}
