package io.gradcheck.learn;

import java.time.Instant;

/**
 * What a verified learner token says: who the learner is, which set they may answer, until when.
 *
 * @param learnerId the learner as the LMS or instructor named them (opaque)
 * @param setSlug   the one problem set this token opens
 * @param expiresAt after this instant the token is refused
 */
public record LearnerToken(String learnerId, String setSlug, Instant expiresAt) {
}
