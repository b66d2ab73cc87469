package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An earlier grading of a submission, kept when it is regraded. */
@Entity
@Table(name = "submission_grading")
class SubmissionGrading {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private long submissionId;

    @Column(name = "problem_version", nullable = false)
    private int problemVersion;

    @Column(nullable = false, length = 20)
    private String verdict;

    @Column(nullable = false)
    private double score;

    @Column(nullable = false, length = 400_000)
    private String result;

    @Column(nullable = false)
    private long seed;

    @Column(name = "graded_at", nullable = false)
    private Instant gradedAt;

    protected SubmissionGrading() {
    }

    SubmissionGrading(Submission s) {
        this.submissionId = s.id();
        this.problemVersion = s.problemVersion();
        this.verdict = s.verdict();
        this.score = s.score();
        this.result = s.result();
        this.seed = s.seed();
        this.gradedAt = s.gradedAt();
    }

    int problemVersion() {
        return problemVersion;
    }

    String verdict() {
        return verdict;
    }

    double score() {
        return score;
    }

    Instant gradedAt() {
        return gradedAt;
    }
}
