package io.gradcheck.learn;

/** A learner token that does not open this page: expired, tampered with, or for another set. A 403. */
final class LearnerTokenRefused extends RuntimeException {

    LearnerTokenRefused(String message) {
        super(message, null, false, false);
    }
}
