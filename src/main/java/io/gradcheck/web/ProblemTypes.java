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
}
