package io.gradcheck.lti;

import io.gradcheck.errors.NotFound;
import io.gradcheck.problems.ProblemSetService;

/**
 * A problem's points possible in the LMS grade book: its {@code maxScore} (default 1). A score is 0..1 and is
 * sent as score × maxScore; a problem no longer in its set (retired) counts 1, as in the grade book.
 */
final class PointsPossible {

    private PointsPossible() {
    }

    static double of(ProblemSetService problems, String set, String problem) {
        try {
            return problems.get(set).problems().stream().filter(p -> p.key().equals(problem))
                    .mapToDouble(ProblemSetService.ProblemInfo::maxScore).findFirst().orElse(1.0);
        } catch (NotFound e) {
            return 1.0;
        }
    }
}
