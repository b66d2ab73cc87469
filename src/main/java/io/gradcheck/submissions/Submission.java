package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private GradeRecord grade;

    protected Submission() {
    }

    Submission(long problemId, String setSlug, String problemKey, String learnerId, int attempt, String answers,
            String idempotencyKey, Instant now) {
        this.problemId = problemId;
        this.setSlug = setSlug;
        this.problemKey = problemKey;
        this.learnerId = learnerId;
        this.attempt = attempt;
        this.answers = answers;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
    }

    void grade(Grading grading, String resultJson, int problemVersion, Instant now) {
        this.grade = new GradeRecord(problemVersion, grading.verdict().text(), grading.score(), resultJson, grading.seed(), now);
    }

    GradeRecord grade() {
        return grade;
    }

    Long id() {
        return id;
    }

    int problemVersion() {
        return grade.problemVersion();
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
        return grade.verdict();
    }

    double score() {
        return grade.score();
    }

    String result() {
        return grade.result();
    }

    long seed() {
        return grade.seed();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant gradedAt() {
        return grade.gradedAt();
    }
}
