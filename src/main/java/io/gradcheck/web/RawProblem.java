package io.gradcheck.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A problem+json body written straight to a servlet response, for the places that answer before (or outside)
 * Spring MVC: the container's error valve and the body reader. The texts are ours, never the caller's, so the
 * minimal escaping below is enough.
 */
final class RawProblem {

    private RawProblem() {
    }

    static String json(int status, URI type, String title, String detail) {
        return "{\"type\":\"" + type + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    static void write(HttpServletResponse response, int status, URI type, String title, String detail)
            throws IOException {
        byte[] body = json(status, type, title, detail).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
