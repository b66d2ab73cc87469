package io.gradcheck.web;

import io.gradcheck.GradcheckProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Roles from the X-API-Key header. Keys come from configuration only; with none configured for a role, no
 * request has it. Keys are compared in constant time.
 */
@Component
public class ApiKeys {

    public static final String HEADER = "X-API-Key";

    private final List<String> instructorKeys;
    private final List<String> lmsKeys;

    ApiKeys(GradcheckProperties properties) {
        this.instructorKeys = properties.security().instructorKeys();
        this.lmsKeys = properties.security().lmsKeys();
    }

    /** Refuses the request unless it carries an LMS or an instructor key. */
    public void requireLmsOrInstructor(HttpServletRequest request) {
        if (instructorKeys.isEmpty() && lmsKeys.isEmpty()) {
            throw new AccessDenied(false, "submissions are disabled: no LMS or instructor key is configured "
                    + "(set GRADCHECK_SECURITY_LMS_KEYS or GRADCHECK_SECURITY_INSTRUCTOR_KEYS)");
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw new AccessDenied(true, "this needs an LMS or instructor key in the " + HEADER + " header");
        }
        if (!matches(key, lmsKeys) && !matches(key, instructorKeys)) {
            throw new AccessDenied(false, "the " + HEADER + " given is not an LMS or instructor key");
        }
    }

    public boolean isInstructor(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return key != null && matches(key, instructorKeys);
    }

    /** Refuses the request unless it carries an instructor key: 401 without a key, 403 with a wrong one. */
    public void requireInstructor(HttpServletRequest request) {
        if (instructorKeys.isEmpty()) {
            throw new AccessDenied(false, "instructor endpoints are disabled: no instructor key is configured "
                    + "(set gradcheck.security.instructor-keys or GRADCHECK_SECURITY_INSTRUCTOR_KEYS)");
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw new AccessDenied(true, "this needs an instructor key in the " + HEADER + " header");
        }
        if (!matches(key, instructorKeys)) {
            throw new AccessDenied(false, "the " + HEADER + " given is not an instructor key");
        }
    }

    private static boolean matches(String key, List<String> keys) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String k : keys) {
            found |= MessageDigest.isEqual(given, k.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    /** 401 (no credentials) or 403 (credentials that do not allow this). */
    public static final class AccessDenied extends RuntimeException {
        private final boolean unauthenticated;

        AccessDenied(boolean unauthenticated, String message) {
            super(message, null, false, false);
            this.unauthenticated = unauthenticated;
        }

        public boolean unauthenticated() {
            return unauthenticated;
        }
    }
}
