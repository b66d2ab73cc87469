package io.gradcheck.problems;

import java.util.List;

/** A problem set that cannot be stored, with every reason, each naming the problem and the field. */
public final class InvalidProblemSet extends RuntimeException {

    private final List<String> reasons;

    public InvalidProblemSet(String reason) {
        this(List.of(reason));
    }

    public InvalidProblemSet(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
