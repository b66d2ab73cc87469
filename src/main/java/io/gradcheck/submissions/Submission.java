package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One learner's attempt at one problem, graded and stored once. */
@Entity
@Table(name = "submission")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "problem_id", nullable = false)
    private long problemId;

    @Column(name = "problem_version", nullable = false)
    private int problemVersion;

    @Column(name = "set_slug", nullable = false, length = 100)
    private String setSlug;

    @Column(name = "problem_key", nullable = false, length = 100)
    private String problemKey;

    @Column(name = "learner_id", nullable = false, length = 200)
    private String learnerId;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false, length = 200_000)
    private String answers;

    @Column(nullable = false, length = 20)
    private String verdict;

    @Column(nullable = false)
    private double score;

    @Column(nullable = false, length = 400_000)
    private String result;

    @Column(nullable = false)
    private long seed;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "graded_at", nullable = false)
    private Instant gradedAt;

    protected Submission() {
    }

    Submission(long problemId, int problemVersion, String setSlug, String problemKey, String learnerId, int attempt,
            String answers, String idempotencyKey, Instant now) {
        this.problemId = problemId;
        this.problemVersion = problemVersion;
        this.setSlug = setSlug;
        this.problemKey = problemKey;
        this.learnerId = learnerId;
        this.attempt = attempt;
        this.answers = answers;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
    }

    void grade(Grading grading, String resultJson, int problemVersion, Instant now) {
        this.verdict = grading.verdict();
        this.score = grading.score();
        this.result = resultJson;
        this.seed = grading.seed();
        this.problemVersion = problemVersion;
        this.gradedAt = now;
    }

    Long id() {
        return id;
    }

    long problemId() {
        return problemId;
    }

    int problemVersion() {
        return problemVersion;
    }

    String setSlug() {
        return setSlug;
    }

    String problemKey() {
        return problemKey;
    }

    String learnerId() {
        return learnerId;
    }

    int attempt() {
        return attempt;
    }

    String answers() {
        return answers;
    }

    String verdict() {
        return verdict;
    }

    double score() {
        return score;
    }

    String result() {
        return result;
    }

    long seed() {
        return seed;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant gradedAt() {
        return gradedAt;
    }
}
