package io.gradcheck.submissions;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubmissionPartRepository extends JpaRepository<SubmissionPart, Long> {

    @Modifying
    @Query("delete from SubmissionPart p where p.submissionId = :submission")
    int deleteBySubmission(@Param("submission") long submissionId);

    /** Submissions stored before per-part rows existed (V5), oldest first. */
    @Query("""
            select s from Submission s
            where s.id > :after and not exists (select 1 from SubmissionPart p where p.submissionId = s.id)
            order by s.id""")
    List<Submission> withoutParts(@Param("after") long after, Pageable page);
}
