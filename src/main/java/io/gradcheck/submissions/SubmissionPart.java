package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One part of a graded submission as insights count it (table submission_part, see V5). Written only by
 * {@link SubmissionParts}; read by SQL in {@code insights/}.
 */
@Entity
@Table(name = "submission_part")
class SubmissionPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private long submissionId;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 100)
    private String wrt;

    @Column(nullable = false, length = 20)
    private String verdict;

    @Column(nullable = false, length = 40)
    private String diagnosis;

    private Double factor;

    @Column(name = "wrong_entries", length = 1000)
    private String wrongEntries;

    @Column(nullable = false, length = 1000)
    private String reading;

    @Column(name = "reading_hash", nullable = false, length = 64)
    private String readingHash;

    @Column(nullable = false, length = 1000)
    private String message;

    protected SubmissionPart() {
    }

    SubmissionPart(Submission s, String wrt, String verdict, String diagnosis, Double factor, String wrongEntries,
            String reading, String readingHash, String message) {
        this.submissionId = s.id();
        this.problemId = s.problemId();
        this.setSlug = s.setSlug();
        this.problemKey = s.problemKey();
        this.learnerId = s.learnerId();
        this.attempt = s.attempt();
        this.createdAt = s.createdAt();
        this.wrt = wrt;
        this.verdict = verdict;
        this.diagnosis = diagnosis;
        this.factor = factor;
        this.wrongEntries = wrongEntries;
        this.reading = reading;
        this.readingHash = readingHash;
        this.message = message;
    }
}
