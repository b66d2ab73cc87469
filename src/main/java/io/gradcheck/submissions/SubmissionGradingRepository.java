package io.gradcheck.submissions;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionGradingRepository extends JpaRepository<SubmissionGrading, Long> {

    List<SubmissionGrading> findBySubmissionIdOrderByIdAsc(long submissionId);
}
