package io.gradcheck.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An earlier grading of a submission, kept when it is regraded. */
@Entity
@Table(name = "submission_grading")
class SubmissionGrading {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private long submissionId;

    @Embedded
    private GradeRecord grade;

    protected SubmissionGrading() {
    }

    SubmissionGrading(Submission s) {
        this.submissionId = s.id();
        this.grade = s.grade();
    }

    GradeRecord grade() {
        return grade;
    }
}
