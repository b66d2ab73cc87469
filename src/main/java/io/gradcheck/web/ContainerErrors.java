package io.gradcheck.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (/error, for any method): what Tomcat or a filter sent with sendError, as
 * problem+json with the same types as {@link ProblemHandler}. Replaces Spring Boot's BasicErrorController, whose
 * JSON is not problem+json and which answered TRACE.
 */
@Hidden  // the container's error pages, not an operation of the API
@RestController
class ContainerErrors implements org.springframework.boot.webmvc.error.ErrorController {

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body(status, request.getMethod(), code == null ? "/error" : uri));
    }

    /** One problem body per status the container itself produces. */
    static String body(int status, String method, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        URI type;
        String detail;
        switch (status) {
            case 400 -> {
                type = ProblemTypes.BAD_HTTP_REQUEST;
                detail = "the server could not read this HTTP request: its path has an encoded '/' or '\\\\', a NUL, "
                        + "or a malformed %-escape, or its headers are over 8 KB; send a plain path and short headers";
            }
            case 404 -> {
                type = ProblemTypes.NOT_FOUND;
                detail = "there is nothing at " + (path == null ? "this path" : path)
                        + "; the API is described at /v3/api-docs";
            }
            case 405 -> {
                type = ProblemTypes.METHOD_NOT_ALLOWED;
                detail = (method == null ? "this method" : method) + " is not allowed here; the API is described "
                        + "at /v3/api-docs";
            }
            case 408 -> {
                type = ProblemTypes.BODY_TOO_SLOW;
                detail = "the request was not received in time; send it again, whole";
            }
            case 413 -> {
                type = ProblemTypes.BODY_TOO_LARGE;
                detail = "the request body is too large";
            }
            case 415 -> {
                type = ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
                detail = "send the body as application/json";
            }
            case 503 -> {
                type = ProblemTypes.UNAVAILABLE;
                detail = "the service cannot take this request now; retry shortly";
            }
            default -> {
                type = status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.BAD_HTTP_REQUEST;
                detail = status >= 500 ? "the service failed on this request; it has been logged, and retrying "
                        + "may help" : "the request was refused (" + status + ")";
            }
        }
        return RawProblem.json(status, type, title, detail);
    }
}
