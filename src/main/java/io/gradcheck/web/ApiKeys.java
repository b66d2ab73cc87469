package io.gradcheck.web;

import io.gradcheck.GradcheckProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The roles an X-API-Key carries. Keys come from configuration only; with none configured for a role, no request
 * has it. Keys are compared in constant time: every configured key is compared, through SHA-256 digests of equal
 * length, so neither the position of a match nor the length of a key shows in the time taken.
 */
final class ApiKeys {

    static final String HEADER = "X-API-Key";

    /** Who may call what; {@link SecurityConfiguration} maps them to Spring Security authorities. */
    enum Role {
        INSTRUCTOR, LMS
    }

    private final List<byte[]> instructorKeys;
    private final List<byte[]> lmsKeys;

    ApiKeys(GradcheckProperties.Security security) {
        this.instructorKeys = security.instructorKeys().stream().map(ApiKeys::digest).toList();
        this.lmsKeys = security.lmsKeys().stream().map(ApiKeys::digest).toList();
    }

    /** The roles of a key: empty for an unknown one. */
    Set<Role> roles(String key) {
        byte[] given = digest(key);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (matches(given, instructorKeys)) {
            roles.add(Role.INSTRUCTOR);
        }
        if (matches(given, lmsKeys)) {
            roles.add(Role.LMS);
        }
        return roles;
    }

    /** True when at least one key is configured for one of these roles. */
    boolean anyConfigured(Set<Role> roles) {
        return roles.contains(Role.INSTRUCTOR) && !instructorKeys.isEmpty()
                || roles.contains(Role.LMS) && !lmsKeys.isEmpty();
    }

    private static boolean matches(byte[] given, List<byte[]> keys) {
        boolean found = false;
        for (byte[] k : keys) {
            found |= MessageDigest.isEqual(given, k);
        }
        return found;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
