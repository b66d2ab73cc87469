package io.gradcheck.lti;

/**
 * A problem's points possible in the LMS grade book. Problems have no such field yet (their {@code points} are
 * evaluation points); a score is 0..1, so the maximum is 1 until problems carry a maximum score of their own —
 * then this one method reads it.
 */
final class PointsPossible {

    private PointsPossible() {
    }

    static double of(String set, String problem) {
        return 1.0;
    }
}
