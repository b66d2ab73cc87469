package io.gradcheck.web;

import java.net.URI;

/** Stable problem types: one per kind of error, documented in docs/errors.md. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI INTERNAL = of("internal-error");
    // the HTTP layer's own refusals (issue 15): each limit and each container error has its own type
    public static final URI UNAVAILABLE = of("unavailable");
    public static final URI OVERLOADED = of("overloaded");
    public static final URI BAD_HTTP_REQUEST = of("bad-http-request");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI BODY_TOO_LARGE = of("body-too-large");
    public static final URI BODY_TOO_SLOW = of("body-too-slow");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI PAGE_OUT_OF_RANGE = of("page-out-of-range");
}
