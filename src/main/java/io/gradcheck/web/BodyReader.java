package io.gradcheck.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body without holding a worker thread, within a deadline and a size limit.
 *
 * <p>A blocking read parks a worker for as long as the client takes: 205 connections sending a byte every 10 s
 * held all 200 workers. Here the body is read by Tomcat's non-blocking I/O (an async request with a read
 * listener, no thread while nothing arrives); the request goes on to the controllers only once the body is
 * whole, from memory. A body not received within {@code bodyDeadline} gets a 408, one over {@code maxBody} a 413
 * as soon as it is seen to be too large (by its Content-Length, or while reading).
 *
 * <p>Form posts (read by the container's own parameter parsing) and requests without a body pass through, as do
 * requests on a non-Tomcat stream (MockMvc), whose body is already in memory.
 */
class BodyReader extends OncePerRequestFilter {

    private static final int CHUNK = 8192;

    /** Set on a request whose body was read here, whole: its connection may be probed (ClientConnection). */
    static final String READ_ASYNC = BodyReader.class.getName() + ".read";

    private final HttpLimits limits;

    BodyReader(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !concrete(type)) {
            RawProblem.write(response, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "the Content-Type `" + type.replaceAll("[^\\x20-\\x7e]", "?") + "` is not one media type; "
                    + "send the body as application/json");
            return;
        }
        long max = limits.maxBody().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            response.setHeader("Connection", "close");
            tooLarge(response, max);
            return;
        }
        if (!hasBody(request) || isForm(request) || !request.isAsyncSupported()
                || !request.getInputStream().getClass().getName().startsWith("org.apache.catalina")) {
            chain.doFilter(request, response);
            return;
        }
        Buffered buffered = new Buffered(request);
        AsyncContext async = request.startAsync(buffered, response);
        async.setTimeout(limits.bodyDeadline().toMillis());
        AtomicBoolean settled = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (settled.compareAndSet(false, true)) {
                    response.setHeader("Connection", "close");
                    RawProblem.write(response, 408, ProblemTypes.BODY_TOO_SLOW, "Request body too slow",
                            "the request body was not received within " + limits.bodyDeadline().toMillis()
                                    + " ms (the limit); send it again, whole");
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (settled.compareAndSet(false, true)) {
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 0), CHUNK));
        in.setReadListener(new ReadListener() {
            private final byte[] chunk = new byte[CHUNK];

            @Override
            public void onDataAvailable() throws IOException {
                while (in.isReady() && !settled.get()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return;
                    }
                    body.write(chunk, 0, n);
                    if (body.size() > max && settled.compareAndSet(false, true)) {
                        response.setHeader("Connection", "close");
                        tooLarge(response, max);
                        async.complete();
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    buffered.body = body.toByteArray();
                    request.setAttribute(READ_ASYNC, Boolean.TRUE);
                    async.dispatch();
                }
            }

            /** Mostly a read timeout: no byte for server.tomcat.connection-timeout. Too slow, like the deadline. */
            @Override
            public void onError(Throwable t) {
                if (settled.compareAndSet(false, true)) {
                    try {
                        if (!response.isCommitted()) {
                            response.setHeader("Connection", "close");
                            RawProblem.write(response, 408, ProblemTypes.BODY_TOO_SLOW, "Request body too slow",
                                    "the request body stopped arriving (no data within the connection timeout); "
                                            + "send it again, whole");
                        }
                    } catch (IOException | IllegalStateException e) {
                        // the connection is gone: nothing more to say
                    }
                    async.complete();
                }
            }
        });
    }

    /** A Content-Type that names one media type: `application/*` or `;;;` name none (Spring refuses them late). */
    private static boolean concrete(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !media.isWildcardType() && !media.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private void tooLarge(HttpServletResponse response, long max) throws IOException {
        RawProblem.write(response, 413, ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                "the request body is over " + max + " bytes (the limit); send a smaller one");
    }

    /** The request as the controllers see it: its body from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private volatile byte[] body = new byte[0];

        Buffered(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = getCharacterEncoding() == null ? charset : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException e) {
                // an unknown charset in Content-Type: read as UTF-8, and let the JSON reader say what it finds
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
