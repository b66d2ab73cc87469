package io.gradcheck.web;

import io.gradcheck.errors.ProblemType;
import java.net.URI;

/** Stable problem types as URIs; the table of types (slug, status, title) is {@link ProblemType}. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return ProblemType.uri(slug);
    }

    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI INTERNAL = of("internal-error");
    // the HTTP layer's own refusals (issue 15): each limit and each container error has its own row in ProblemType
    public static final URI UNAVAILABLE = ProblemType.UNAVAILABLE.uri();
    public static final URI OVERLOADED = ProblemType.OVERLOADED.uri();
    public static final URI BAD_HTTP_REQUEST = ProblemType.BAD_HTTP_REQUEST.uri();
    public static final URI METHOD_NOT_ALLOWED = ProblemType.METHOD_NOT_ALLOWED.uri();
    public static final URI UNSUPPORTED_MEDIA_TYPE = ProblemType.UNSUPPORTED_MEDIA_TYPE.uri();
    public static final URI NOT_ACCEPTABLE = ProblemType.NOT_ACCEPTABLE.uri();
    public static final URI BODY_TOO_LARGE = ProblemType.BODY_TOO_LARGE.uri();
    public static final URI BODY_TOO_SLOW = ProblemType.BODY_TOO_SLOW.uri();
    public static final URI RATE_LIMITED = ProblemType.RATE_LIMITED.uri();
    public static final URI PAGE_OUT_OF_RANGE = ProblemType.PAGE_OUT_OF_RANGE.uri();
}
