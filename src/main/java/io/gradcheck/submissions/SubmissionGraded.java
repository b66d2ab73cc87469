package io.gradcheck.submissions;

import java.time.Instant;

/**
 * Published after a submission (or a regrade) has committed, so that other features, such as LTI grade
 * passback, can react without {@code submissions/} knowing them. It is published once per committed grading,
 * after the commit and outside any transaction (never for a refused or failed submission, nor for an idempotent
 * replay): listen with an ordinary {@code @EventListener}; a {@code @TransactionalEventListener} needs
 * {@code fallbackExecution = true} to hear it.
 *
 * @param submissionId the stored submission
 * @param setSlug      the problem set
 * @param problemKey   the problem within the set
 * @param learnerId    the learner, as the caller named them (an LTI launch uses {@code iss + "|" + sub})
 * @param attempt      1-based attempt number
 * @param verdict      the check's verdict, lower case (correct, incorrect, invalid, inconclusive)
 * @param score        this attempt's score, 0..1
 * @param feedback     one sentence for the learner (the diagnosis message, or empty)
 * @param gradedAt     when it was graded
 */
public record SubmissionGraded(long submissionId, String setSlug, String problemKey, String learnerId, int attempt,
        String verdict, double score, String feedback, Instant gradedAt) {
}
