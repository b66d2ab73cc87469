package io.gradcheck.learn;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is answering: the learner a token names, for the one set it opens; no token at all is practice mode.
 * A token that is present but does not verify, or names another set, is refused — never silently demoted to
 * practice, so that a learner is not left believing their answers count.
 */
@Component
class LearnerAccess {

    static final String HEADER = "X-Learner-Token";

    private final LearnerTokens tokens;

    LearnerAccess(LearnerTokens tokens) {
        this.tokens = tokens;
    }

    /** The learner, or empty for practice (no token); a bad token is a {@link LearnerTokenRefused}. */
    Optional<LearnerToken> resolve(String token, String setSlug) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        LearnerToken t = tokens.verify(token.trim()).orElseThrow(() -> new LearnerTokenRefused(
                "this link is not valid: it has expired or was changed; ask your instructor for a new link"));
        if (!t.setSlug().equals(setSlug)) {
            throw new LearnerTokenRefused("this link opens the problem set `" + t.setSlug() + "`, not `" + setSlug
                    + "`; use the link you were given for this set");
        }
        return Optional.of(t);
    }
}
