package io.gradcheck.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on an error, as problem+json instead of its HTML page. It speaks for what Tomcat refuses
 * before any servlet runs (an encoded '/' or NUL in the path, a bad %-escape, headers over the limit, TRACE) and
 * for any error left without a body. Errors that reach Spring are answered by {@link ProblemHandler} and
 * {@link ContainerErrors} instead.
 */
public class ProblemJsonErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String body = ContainerErrors.body(status, null, null);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed meanwhile: nothing more can be said
        }
    }
}
