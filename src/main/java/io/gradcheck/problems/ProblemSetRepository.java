package io.gradcheck.problems;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProblemSetRepository extends JpaRepository<ProblemSet, Long> {

    Optional<ProblemSet> findBySlug(String slug);
}
