package io.gradcheck.web;

import io.gradcheck.check.CheckException;
import io.gradcheck.errors.JsonErrors;
import io.gradcheck.errors.ProblemType;
import io.gradcheck.errors.ServiceException;
import io.gradcheck.expr.Deadline;
import io.gradcheck.expr.ExpressionException;
import java.sql.SQLTransientException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as RFC 9457 application/problem+json with a stable type and a detail a person can act on.
 * Nothing else (no stack trace, no HTML error page) ever reaches a caller.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** Retry-After of a 503 deadline-exceeded. */
    static final int DEADLINE_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(ExpressionException.class)
    ProblemDetail expression(ExpressionException e) {
        ProblemDetail p = problem(ProblemType.ofSlug(e.kind().slug()), e.getMessage());
        if (e.span().isKnown()) {
            p.setProperty("position", e.span().position());
        }
        return p;
    }

    @ExceptionHandler(CheckException.class)
    ProblemDetail check(CheckException e) {
        return problem(ProblemType.ofSlug(e.kind().slug()), e.getMessage());
    }

    /**
     * A check ran past its deadline (or its client went away) and was stopped; nothing was stored. A 503: the
     * same request may finish on a less loaded server, so the caller may retry after a pause.
     */
    @ExceptionHandler(Deadline.Exceeded.class)
    ResponseEntity<ProblemDetail> deadline(Deadline.Exceeded e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DEADLINE_RETRY_AFTER_SECONDS))
                .body(problem(ProblemType.DEADLINE_EXCEEDED, e.getMessage() + "; nothing was stored: retry later, "
                        + "or ask for less work (fewer points, smaller variables)"));
    }

    /** NotFound, Conflict, BadRequest, InvalidProblemSet, …: the type says status and title. */
    @ExceptionHandler(ServiceException.class)
    ProblemDetail service(ServiceException e) {
        ProblemDetail p = problem(e.type(), e.getMessage());
        e.properties().forEach(p::setProperty);
        return p;
    }

    static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(type.status(), detail);
        p.setType(type.uri());
        p.setTitle(type.title());
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(ProblemType.MALFORMED_REQUEST,
                "the request body is not the JSON this endpoint expects: " + JsonErrors.describe(ex));
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail p = problem(ProblemType.INVALID_REQUEST, detail);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(ProblemType.NOT_FOUND,
                "there is nothing at /" + ex.getResourcePath() + "; the API is described at /v3/api-docs");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
    }

    /**
     * The database failed or no connection was free in time (not a constraint we handle): nothing was stored, and
     * the caller may retry. A transaction that cannot begin (pool exhausted) is a TransactionException, not a
     * DataAccessException: both are a 503, on every endpoint.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, SQLTransientException.class})
    ResponseEntity<ProblemDetail> database(Exception e) {
        log.error("database failure", e);
        ProblemDetail p = problem(ProblemType.UNAVAILABLE, "the database failed "
                + "during this request and nothing was stored; retry (with the same Idempotency-Key, if any)");
        return ResponseEntity.status(p.getStatus()).header(HttpHeaders.RETRY_AFTER, "2").body(p);
    }

    @ExceptionHandler(OverLimit.class)
    ProblemDetail overLimit(OverLimit e) {
        ProblemDetail p = problem(ProblemType.ofSlug(e.limit()), e.getMessage());
        p.setProperty("limit", e.value());
        return p;
    }

    @ExceptionHandler(PracticeRateLimit.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(PracticeRateLimit.RateLimited e) {
        ProblemDetail p = problem(ProblemType.RATE_LIMITED, e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(p);
    }

    @ExceptionHandler(PracticeClosed.class)
    ProblemDetail practiceClosed(PracticeClosed e) {
        return problem(ProblemType.PRACTICE_CLOSED, e.getMessage());
    }

    /** Spring Security's firewall, when a parameter name it refuses is first read by a controller (a form body). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(ProblemType.BAD_HTTP_REQUEST, "the request has a parameter name or character the service "
                + "does not accept; send a plain path and a JSON body with Content-Type: application/json");
    }

    /**
     * A form body (application/x-www-form-urlencoded) that Tomcat cannot decode (bad %-escapes, bytes not in its
     * charset), read as parameters when a JSON endpoint looks for its body: found by the abuse benchmark's fuzz.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodableForm(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(ProblemType.BAD_HTTP_REQUEST, "the form body could not be decoded (a bad %-escape or a byte "
                + "outside its charset); send a JSON body with Content-Type: application/json");
    }

    /** Too many checks at once (CheckAdmission): refused before any work, with when to come back. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(Overloaded e) {
        ProblemDetail p = problem(ProblemType.OVERLOADED, e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(p);
    }

    /** Spring's own 4xx (405, 406, 415, a bad parameter): its problem body, with our type for the status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            p.setType(switch (statusCode.value()) {
                case 404 -> ProblemTypes.NOT_FOUND;
                case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
                case 406 -> ProblemTypes.NOT_ACCEPTABLE;
                case 413 -> ProblemTypes.BODY_TOO_LARGE;
                case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
                case 503 -> ProblemTypes.UNAVAILABLE;
                default -> statusCode.is5xxServerError() ? ProblemTypes.INTERNAL : ProblemTypes.INVALID_REQUEST;
            });
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The last resort: logged in full here, and a plain sentence to the caller. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(ProblemType.INTERNAL_ERROR,
                "the service failed on this request; it has been logged, and retrying may help");
    }
}
