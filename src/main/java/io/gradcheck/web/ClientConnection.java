package io.gradcheck.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Whether the client of a running check is still there, asked of Tomcat's connection without reading the request.
 *
 * <p>Why a probe: while a check computes, nothing reads or writes its connection, and Tomcat does not watch an
 * async request's socket (its {@code longPoll} registers read interest only for non-async requests), so neither
 * {@code AsyncListener.onError} nor a failed write tells us the client went away before the answer is written.
 * The body has been read whole by {@link BodyReader} (its read listener is still set), so a non-blocking read
 * of the connection (Tomcat's {@code AVAILABLE} action with a read) sees what comes after the body: nothing on
 * an open idle connection (0), end of stream on a closed one (Tomcat answers 1, every time), or the bytes of a
 * pipelined next request (kept in Tomcat's buffer for that request, and reported once only). Two positive
 * probes in a row therefore mean the client closed its side. A half-closed client that still waits for the
 * answer is taken for gone too: HTTP clients do not half-close while waiting.
 *
 * <p>The probe runs on the watcher's thread while the worker computes; {@link #release()} (the worker, before it
 * writes the answer) waits for a probe in progress and stops further ones, so the connection is never read by
 * two threads at once.
 */
public final class ClientConnection {

    static final String ATTRIBUTE = ClientConnection.class.getName();

    private final org.apache.coyote.Request coyote;
    private int positives;
    private boolean released;

    private ClientConnection(org.apache.coyote.Request coyote) {
        this.coyote = coyote;
    }

    /** The connection of a request served by Tomcat's HTTP/1.1 connector, or null (MockMvc, no body read). */
    static ClientConnection of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ClientConnection c && request.getAttribute(
                BodyReader.READ_ASYNC) != null ? c : null;
    }

    /** True once the client has closed its side (two probes in a row saw the end of the stream). */
    synchronized boolean gone() {
        if (released) {
            return false;
        }
        try {
            coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
            positives = coyote.getAvailable() > 0 ? positives + 1 : 0;
        } catch (RuntimeException e) {
            positives++; // the connection is in error: as good as gone
        }
        return positives >= 2;
    }

    /** The worker is about to answer: no probe from now on (waits for one in progress). */
    synchronized void release() {
        released = true;
    }

    /** Puts each request's connection where the web layer finds it (a valve sees Tomcat's own request). */
    static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
            if (request.getAttribute(ATTRIBUTE) == null && String.valueOf(request.getProtocol()).startsWith("HTTP/1")) {
                request.setAttribute(ATTRIBUTE, new ClientConnection(request.getCoyoteRequest()));
            }
            getNext().invoke(request, response);
        }
    }
}
