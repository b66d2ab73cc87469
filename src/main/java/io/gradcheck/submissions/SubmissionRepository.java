package io.gradcheck.submissions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findByIdempotencyKey(String key);

    @Query("select coalesce(max(s.attempt), 0) from Submission s where s.problemId = :problem and s.learnerId = :learner")
    int lastAttempt(@Param("problem") long problemId, @Param("learner") String learnerId);

    @Query("""
            select s from Submission s
            where (:learner is null or s.learnerId = :learner)
              and (:set is null or s.setSlug = :set)
              and (:problem is null or s.problemKey = :problem)
              and s.createdAt >= :since
            order by s.createdAt desc, s.id desc""")
    Page<Submission> search(@Param("learner") String learner, @Param("set") String set,
            @Param("problem") String problem, @Param("since") Instant since, Pageable page);

    List<Submission> findByProblemIdOrderByIdAsc(long problemId);
}
