package io.gradcheck;

import io.gradcheck.check.Checker;
import io.gradcheck.expr.Limits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The service's own settings (application.properties, or environment variables such as
 * GRADCHECK_SECURITY_INSTRUCTOR_KEYS).
 *
 * @param security   API keys: comma-separated lists; none configured means no one has that role
 * @param problemSets where the problem-set YAML files are read from at start-up
 * @param engine      what one expression may ask (gradcheck.engine.max-length, …); unset: {@link Limits#DEFAULT}
 * @param checks      what a check uses when the request leaves it open (points, rtol, atol)
 */
@ConfigurationProperties("gradcheck")
public record GradcheckProperties(Security security, ProblemSets problemSets, Engine engine, Checks checks) {

    @ConstructorBinding
    public GradcheckProperties {
        security = security == null ? new Security(List.of(), List.of()) : security;
        problemSets = problemSets == null ? new ProblemSets("problem-sets") : problemSets;
        engine = engine == null ? new Engine(null, null, null, null, null, null) : engine;
        checks = checks == null ? new Checks(null, null, null, null, null, null, null) : checks;
    }

    /** Keys and the problem-set folder; the engine and checks at their defaults (tests, tools). */
    public GradcheckProperties(Security security, ProblemSets problemSets) {
        this(security, problemSets, null, null);
    }

    /** Declared entries in all, then drawn numbers: each unset one derived from the engine's max-entries. */
    public long maxDeclaredEntries() {
        return checks.maxDeclaredEntries() != null ? checks.maxDeclaredEntries() : engine.limits().maxEntries();
    }

    public long maxDrawnNumbers() {
        return checks.maxDrawnNumbers() != null ? checks.maxDrawnNumbers()
                : Checker.DEFAULT_POINTS * maxDeclaredEntries();
    }

    public record Security(List<String> instructorKeys, List<String> lmsKeys) {
        public Security {
            instructorKeys = instructorKeys == null ? List.of() : instructorKeys.stream().map(String::trim)
                    .filter(k -> !k.isEmpty()).toList();
            lmsKeys = lmsKeys == null ? List.of() : lmsKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        }
    }

    public record ProblemSets(String directory) {
    }

    /** Each bound unset takes the engine's default. */
    public record Engine(Integer maxLength, Integer maxNodes, Integer maxDepth, Integer maxEntries, Long maxCost,
            Integer maxMatrixPower) {

        public Limits limits() {
            Limits d = Limits.DEFAULT;
            return new Limits(maxLength == null ? d.maxLength() : maxLength, maxNodes == null ? d.maxNodes() : maxNodes,
                    maxDepth == null ? d.maxDepth() : maxDepth, maxEntries == null ? d.maxEntries() : maxEntries,
                    maxCost == null ? d.maxCost() : maxCost,
                    maxMatrixPower == null ? d.maxMatrixPower() : maxMatrixPower);
        }
    }

    /**
     * Each setting unset takes the documented default (docs/checks.md).
     *
     * @param workBudget estimated operations one check may spend (gradcheck.checks.work-budget)
     * @param deadline   the time after which a running check is stopped (gradcheck.checks.deadline, e.g. 5s)
     * @param maxDeclaredEntries entries of all the variables one request declares (default: the engine's
     *                   max-entries, so that raising one tensor's limit lets such a tensor be declared)
     * @param maxDrawnNumbers declared entries × points (default: 8 × max-declared-entries, 8 being the default
     *                   number of points)
     */
    public record Checks(Integer points, Double rtol, Double atol, Long workBudget, Duration deadline,
            Long maxDeclaredEntries, Long maxDrawnNumbers) {

        public Checker.Bounds bounds() {
            Checker.Bounds d = Checker.Bounds.STANDARD;
            return new Checker.Bounds(workBudget == null ? d.workBudget() : workBudget,
                    deadline == null ? d.deadline() : deadline);
        }

        public Checker.Defaults defaults() {
            Checker.Defaults d = Checker.Defaults.STANDARD;
            return new Checker.Defaults(points == null ? d.points() : points, rtol == null ? d.rtol() : rtol,
                    atol == null ? d.atol() : atol);
        }
    }
}
