package io.gradcheck.problems;

import io.gradcheck.errors.ProblemType;
import io.gradcheck.errors.ServiceException;
import java.util.List;
import java.util.Map;

/** A problem set that cannot be stored, with every reason, each naming the problem and the field. */
public final class InvalidProblemSet extends ServiceException {

    private final List<String> reasons;

    public InvalidProblemSet(String reason) {
        this(List.of(reason));
    }

    public InvalidProblemSet(List<String> reasons) {
        super(ProblemType.INVALID_PROBLEM_SET, String.join("; ", reasons), Map.of("errors", List.copyOf(reasons)));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
