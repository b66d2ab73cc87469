package io.gradcheck.checks;

import io.gradcheck.GradcheckProperties;
import io.gradcheck.check.CheckException;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.web.AnswerBounds;
import io.gradcheck.web.OverLimit;
import java.util.List;
import java.util.Map;

/**
 * What a stateless check may declare, refused before any work (issue 15): a 9.9 KB request declaring 300 unused
 * 1000×1000 matrices exhausted a 6 GB heap, because every declared variable is drawn at every point. These bounds
 * are on the request as sent (the entry bounds follow the configuration: {@link #of}); the work budget and deadline inside the check are check/'s (docs/limits.md).
 * Each refusal names the limit and its value.
 */
final class RequestBounds {

    static final int MAX_VARIABLES = 50;
    static final int MAX_PARTS = 20;
    static final int MAX_CONSTRAINTS = 20;
    static final double MAX_DOMAIN = 1e12;

    /** Under the default settings: 1,000,000 declared entries (the engine's max-entries), 8,000,000 drawn. */
    static final RequestBounds STANDARD = of(new GradcheckProperties(null, null));

    private final long maxTotalEntries;
    private final long maxEntriesTimesPoints;

    private RequestBounds(long maxTotalEntries, long maxEntriesTimesPoints) {
        this.maxTotalEntries = maxTotalEntries;
        this.maxEntriesTimesPoints = maxEntriesTimesPoints;
    }

    /**
     * Tied to the configuration: the declared entries follow gradcheck.checks.max-declared-entries, by default
     * the engine's max-entries (raising it for one large tensor raises what may be declared); the drawn numbers
     * gradcheck.checks.max-drawn-numbers, by default 8 × that.
     */
    static RequestBounds of(GradcheckProperties properties) {
        return new RequestBounds(properties.maxDeclaredEntries(), properties.maxDrawnNumbers());
    }

    void check(CheckRequest request) {
        Map<String, VariableSpec> variables = request.variables() == null ? Map.of() : request.variables();
        if (variables.size() > MAX_VARIABLES) {
            throw new OverLimit("too-many-variables", MAX_VARIABLES,
                    variables.size() + " variables are declared; the limit is " + MAX_VARIABLES);
        }
        long total = 0;
        for (Map.Entry<String, VariableSpec> v : variables.entrySet()) {
            VariableSpec spec = v.getValue();
            if (spec == null) {
                throw refuse("variable `" + v.getKey() + "` has no declaration; write {} for a scalar");
            }
            total = Math.min(Long.MAX_VALUE / 2, total + entries(spec.shape()));
            domain(v.getKey(), spec.domain());
        }
        if (total > maxTotalEntries) {
            throw new OverLimit("too-many-entries", maxTotalEntries, "the declared variables have " + total
                    + " entries in all; the limit is " + maxTotalEntries + " (declare only what the function uses)");
        }
        int points = request.points() == null ? 8 : request.points();
        if (points > 0 && total * points > maxEntriesTimesPoints) {
            throw new OverLimit("too-many-drawn-numbers", maxEntriesTimesPoints, "the declared variables (" + total + " entries) times " + points + " points is "
                    + total * points + " drawn numbers; the limit is " + maxEntriesTimesPoints + ": use fewer "
                    + "points or smaller variables");
        }
        List<CheckRequest.Part> parts = request.parts() == null ? List.of() : request.parts();
        if (parts.size() > MAX_PARTS) {
            throw new OverLimit("too-many-parts", MAX_PARTS, parts.size() + " parts; the limit is " + MAX_PARTS);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == null) {
                throw refuse("parts[" + i + "] is null; each part is {\"wrt\": …, \"answer\": …}");
            }
            AnswerBounds.check(String.valueOf(parts.get(i).wrt()), parts.get(i).answer());
        }
        if (request.constraints() != null) {
            if (request.constraints().size() > MAX_CONSTRAINTS) {
                throw new OverLimit("too-many-constraints", MAX_CONSTRAINTS,
                        request.constraints().size() + " constraints; the limit is " + MAX_CONSTRAINTS);
            }
            for (int i = 0; i < request.constraints().size(); i++) {
                if (request.constraints().get(i) == null) {
                    throw refuse("constraints[" + i + "] is null; write an inequality such as \"x - y > 0\"");
                }
            }
        }
    }

    private static long entries(List<Integer> shape) {
        long n = 1;
        if (shape != null) {
            for (Integer d : shape) {
                if (d != null && d > 0) {
                    n = Math.min(Long.MAX_VALUE / 2, n * d);
                }
            }
        }
        return n;
    }

    /** A domain must be finite, ordered and of a finite width (hi − lo of ±1e308 overflows to infinity). */
    private static void domain(String name, List<Double> domain) {
        if (domain == null || domain.isEmpty()) { // [] is "none", as a generated client sends it
            return;
        }
        if (domain.size() != 2 || domain.get(0) == null || domain.get(1) == null) {
            throw refuse("the domain of " + name + " must be [low, high]"); // the checker's own wording
        }
        for (double d : domain) {
            if (!Double.isFinite(d) || Math.abs(d) > MAX_DOMAIN) {
                throw new OverLimit("domain-out-of-range", (long) MAX_DOMAIN, "the domain of `" + name
                        + "` has the bound " + d + "; bounds are limited to ±" + MAX_DOMAIN);
            }
        }
    }

    private static CheckException refuse(String message) {
        return new CheckException(CheckException.Kind.BAD_REQUEST, message);
    }
}
