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
}
