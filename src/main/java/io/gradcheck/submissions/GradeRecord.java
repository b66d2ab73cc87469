package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * One grading of a submission: against which version of the problem, the verdict and score, the per-part result
 * (JSON), the seed that reproduces it, and when. A submission holds its current one; regrading moves the old one
 * to its history.
 */
@Embeddable
record GradeRecord(
        @Column(name = "problem_version", nullable = false) int problemVersion,
        @Column(nullable = false, length = 20) String verdict,
        @Column(nullable = false) double score,
        @Column(nullable = false, length = 400_000) String result,
        @Column(nullable = false) long seed,
        @Column(name = "graded_at", nullable = false) Instant gradedAt) {
}
