package io.gradcheck.web;

import io.gradcheck.check.CheckException;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.problems.InvalidProblemSet;
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

    @ExceptionHandler(ExpressionException.class)
    ProblemDetail expression(ExpressionException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(ProblemTypes.of(e.kind().slug()));
        p.setTitle(title(e.kind()));
        if (e.span().isKnown()) {
            p.setProperty("position", e.span().position());
        }
        return p;
    }

    @ExceptionHandler(CheckException.class)
    ProblemDetail check(CheckException e) {
        boolean question = e.kind() == CheckException.Kind.QUESTION;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                question ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(ProblemTypes.of(e.kind().slug()));
        p.setTitle(question ? "The question has no answer here" : "The check cannot be run");
        return p;
    }

    @ExceptionHandler(ApiKeys.AccessDenied.class)
    ResponseEntity<ProblemDetail> denied(ApiKeys.AccessDenied e) {
        HttpStatus status = e.unauthenticated() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setType(ProblemTypes.of(e.unauthenticated() ? "unauthenticated" : "forbidden"));
        p.setTitle(e.unauthenticated() ? "An API key is needed" : "Not allowed");
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.unauthenticated()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeys.HEADER + "\"");
        }
        return response.body(p);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(ProblemTypes.NOT_FOUND);
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(InvalidProblemSet.class)
    ProblemDetail invalidProblemSet(InvalidProblemSet e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setType(ProblemTypes.of("invalid-problem-set"));
        p.setTitle("The problem set is not valid");
        p.setProperty("errors", e.reasons());
        return p;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(ProblemTypes.of("conflict"));
        p.setTitle("Conflict");
        return p;
    }

    private static String title(ExpressionException.Kind kind) {
        return switch (kind) {
            case SYNTAX -> "The expression cannot be read";
            case UNKNOWN_NAME -> "Unknown name";
            case SHAPE_MISMATCH -> "Shapes do not fit";
            case BAD_INDEX -> "Bad index";
            case WRONG_ARGUMENTS -> "Wrong arguments";
            case INVALID_DECLARATION -> "Invalid variable declaration";
            case LIMIT_EXCEEDED -> "Over a limit";
        };
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not the JSON this endpoint expects: " + JsonErrors.describe(ex));
        p.setType(ProblemTypes.MALFORMED_REQUEST);
        p.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(ProblemTypes.INVALID_REQUEST);
        p.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "there is nothing at /" + ex.getResourcePath() + "; the API is described at /v3/api-docs");
        p.setType(ProblemTypes.NOT_FOUND);
        p.setTitle("Not found");
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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the database failed "
                + "during this request and nothing was stored; retry (with the same Idempotency-Key, if any)");
        p.setType(ProblemTypes.UNAVAILABLE);
        p.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(p);
    }

    @ExceptionHandler(OverLimit.class)
    ProblemDetail overLimit(OverLimit e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(ProblemTypes.of(e.limit()));
        p.setTitle("Over a limit of the service");
        p.setProperty("limit", e.value());
        return p;
    }

    @ExceptionHandler(PracticeRateLimit.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(PracticeRateLimit.RateLimited e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        p.setType(ProblemTypes.RATE_LIMITED);
        p.setTitle("Too many practice checks");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(p);
    }

    @ExceptionHandler(PracticeClosed.class)
    ProblemDetail practiceClosed(PracticeClosed e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(ProblemTypes.of("practice-closed"));
        p.setTitle("Practice checks are closed for this problem");
        return p;
    }

    /** Too many checks at once (CheckAdmission): refused before any work, with when to come back. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(Overloaded e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setType(ProblemTypes.OVERLOADED);
        p.setTitle("Too many checks at once");
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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed on this request; it has been logged, and retrying may help");
        p.setType(ProblemTypes.INTERNAL);
        p.setTitle("Internal error");
        return p;
    }
}
