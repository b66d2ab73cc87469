package io.gradcheck.errors;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers, once: its stable type slug, its status and its title. The error handler
 * reads this table; docs/errors.md describes each row.
 */
public enum ProblemType {
    EXPRESSION_SYNTAX("expression-syntax", HttpStatus.BAD_REQUEST, "The expression cannot be read"),
    UNKNOWN_NAME("unknown-name", HttpStatus.BAD_REQUEST, "Unknown name"),
    SHAPE_MISMATCH("shape-mismatch", HttpStatus.BAD_REQUEST, "Shapes do not fit"),
    BAD_INDEX("bad-index", HttpStatus.BAD_REQUEST, "Bad index"),
    WRONG_ARGUMENTS("wrong-arguments", HttpStatus.BAD_REQUEST, "Wrong arguments"),
    INVALID_DECLARATION("invalid-declaration", HttpStatus.BAD_REQUEST, "Invalid variable declaration"),
    LIMIT_EXCEEDED("limit-exceeded", HttpStatus.BAD_REQUEST, "Over a limit"),
    INVALID_CHECK("invalid-check", HttpStatus.BAD_REQUEST, "The check cannot be run"),
    INVALID_QUESTION("invalid-question", HttpStatus.UNPROCESSABLE_CONTENT, "The question has no answer here"),
    WORK_BUDGET_EXCEEDED("work-budget-exceeded", HttpStatus.BAD_REQUEST, "Over the work budget of a check"),
    DEADLINE_EXCEEDED("deadline-exceeded", HttpStatus.SERVICE_UNAVAILABLE, "The check took too long"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "An API key is needed"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    INVALID_PROBLEM_SET("invalid-problem-set", HttpStatus.UNPROCESSABLE_CONTENT, "The problem set is not valid"),
    ATTEMPTS_EXHAUSTED("attempts-exhausted", HttpStatus.CONFLICT, "No attempts left"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency-Key reused for a different request"),
    SET_IN_USE("set-in-use", HttpStatus.CONFLICT, "The problem set has submissions"),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED, "The version in If-Match is not the current one"),
    VERSION_REQUIRED("version-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match with the current version is needed"),
    LEARNER_TOKEN_REFUSED("learner-token-refused", HttpStatus.FORBIDDEN, "The learner link does not open this page"),
    MISSING_ANSWER("missing-answer", HttpStatus.BAD_REQUEST, "An answer is missing"),
    NO_PLOT("no-plot", HttpStatus.UNPROCESSABLE_CONTENT, "No plot for this answer"),
    INVALID_LTI_REQUEST("invalid-lti-request", HttpStatus.BAD_REQUEST, "Invalid LTI request"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    // the HTTP layer's own refusals (issue 15): each container error and each limit has its own type
    BAD_HTTP_REQUEST("bad-http-request", HttpStatus.BAD_REQUEST, "Bad Request"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    BODY_TOO_SLOW("body-too-slow", HttpStatus.REQUEST_TIMEOUT, "Request body too slow"),
    TOO_MANY_VARIABLES("too-many-variables", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    TOO_MANY_ENTRIES("too-many-entries", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    TOO_MANY_DRAWN_NUMBERS("too-many-drawn-numbers", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    TOO_MANY_PARTS("too-many-parts", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    TOO_MANY_CONSTRAINTS("too-many-constraints", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    DOMAIN_OUT_OF_RANGE("domain-out-of-range", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    ANSWER_TOO_LONG("answer-too-long", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    TOO_MANY_ANSWER_ENTRIES("too-many-answer-entries", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    EMPTY_ANSWER_ENTRIES("empty-answer-entries", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    PAGE_OUT_OF_RANGE("page-out-of-range", HttpStatus.BAD_REQUEST, "Over a limit of the service"),
    PRACTICE_CLOSED("practice-closed", HttpStatus.FORBIDDEN, "Practice checks are closed for this problem"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many practice checks"),
    OVERLOADED("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Too many checks at once"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The row of a slug (the core's exceptions name theirs); an unknown slug is a bug, caught by the tests. */
    public static ProblemType ofSlug(String slug) {
        for (ProblemType t : values()) {
            if (t.slug.equals(slug)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no problem type " + slug);
    }

    public static URI uri(String slug) {
        return URI.create("/problems/" + slug);
    }

    public URI uri() {
        return uri(slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
