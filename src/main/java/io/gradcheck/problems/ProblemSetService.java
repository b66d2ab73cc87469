package io.gradcheck.problems;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.Checker;
import io.gradcheck.expr.Deadline;
import io.gradcheck.errors.Conflict;
import io.gradcheck.errors.NotFound;
import io.gradcheck.errors.ProblemType;
import io.gradcheck.errors.ServiceException;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stores, reads and checks problem sets. Every write is validated with real checks first, and is all or nothing. */
@Service
public class ProblemSetService {

    private final ProblemSetRepository sets;
    private final ProblemValidator validator;
    private final Checker checker;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ProblemSetService(ProblemSetRepository sets, JsonMapper json, Checker checker, Clock clock,
            TransactionTemplate transactions) {
        this.sets = sets;
        this.transactions = transactions;
        this.json = json;
        this.checker = checker;
        this.validator = new ProblemValidator(checker);
        this.clock = clock;
    }

    /**
     * Imports a file's set: skipped when its content hash is unchanged, otherwise validated and upserted, by the
     * same path as an upload (validation before the write's transaction, {@link #validateThenWrite}).
     */
    public boolean importFile(ProblemSetDefinition definition, String hash) {
        if (transactions.execute(tx -> unchanged(definition.slug(), hash))) {
            return false;
        }
        return validateThenWrite(definition, () -> {
            if (unchanged(definition.slug(), hash)) { // another replica stored it during our validation
                return false;
            }
            ProblemSet set = sets.findBySlug(definition.slug()).orElseGet(() -> new ProblemSet(definition.slug()));
            store(set, definition, ProblemSet.Origin.FILE, hash);
            return true;
        });
    }

    private boolean unchanged(String slug, String hash) {
        return sets.findBySlug(slug).map(existing -> hash.equals(existing.contentHash())).orElse(false);
    }

    /**
     * The one way a set is written (start-up import, create, replace). Validation runs real checks (seconds for
     * a large set): it runs before the transaction, holding no connection, and the transaction then holds one
     * only for the short write. (Ten slow uploads inside their transactions once took the pool from every
     * learner for two minutes; the start-up import did the same to requests arriving while it ran.)
     */
    private <T> T validateThenWrite(ProblemSetDefinition definition, Supplier<T> write) {
        validator.validate(definition);
        return transactions.execute(tx -> write.get());
    }

    public SetInfo create(ProblemSetDefinition definition) {
        return validateThenWrite(definition, () -> {
            if (sets.findBySlug(definition.slug()).isPresent()) {
                throw new Conflict("a problem set with slug `" + definition.slug() + "` exists; PUT to replace it");
            }
            return info(store(new ProblemSet(definition.slug()), definition, ProblemSet.Origin.API, null));
        });
    }

    /** If-Match "*": any existing version. */
    public static final int ANY_VERSION = -1;

    /**
     * Creates or replaces a set. Replacing needs the version the caller last read (If-Match), so that a stale
     * edit never overwrites a newer one; creating needs none.
     *
     * @param ifMatch the If-Match version, {@link #ANY_VERSION}, or null when the header was absent
     */
    public SetInfo replace(String slug, ProblemSetDefinition definition, Integer ifMatch) {
        if (!slug.equals(definition.slug())) {
            throw new Conflict("the body's slug `" + definition.slug() + "` differs from the path's `" + slug + "`");
        }
        sets.findBySlug(slug).ifPresent(existing -> precondition(existing, ifMatch));
        return validateThenWrite(definition, () -> {
            // checked again in the write's transaction: another edit may have landed during the validation
            sets.findBySlug(slug).ifPresent(existing -> precondition(existing, ifMatch));
            ProblemSet set = sets.findBySlug(slug).orElseGet(() -> new ProblemSet(slug));
            return info(store(set, definition, ProblemSet.Origin.API, null));
        });
    }

    /** Deletes a set and its problems, unless submissions refer to them (409: replace the set instead). */
    @Transactional
    public void delete(String slug, Integer ifMatch) {
        ProblemSet set = find(slug);
        precondition(set, ifMatch);
        try {
            sets.delete(set);
            sets.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ServiceException(ProblemType.SET_IN_USE, "problem set `" + slug + "` has submissions and cannot be deleted; replace it (PUT) "
                    + "to correct or retire its problems instead");
        }
    }

    private static void precondition(ProblemSet set, Integer ifMatch) {
        if (ifMatch == null) {
            throw new ServiceException(ProblemType.VERSION_REQUIRED, "changing problem set `" + set.slug() + "` needs "
                    + "If-Match with the version you last read (its ETag, now \"" + set.version() + "\")");
        }
        if (ifMatch != ANY_VERSION && ifMatch != set.version()) {
            throw new ServiceException(ProblemType.STALE_VERSION, "problem set `" + set.slug() + "` is at version "
                    + set.version() + ", not " + ifMatch + ": someone changed it since you read it; GET it again");
        }
    }

    /** The whole definition of a set as stored, every field of every active problem, and its version. */
    @Transactional(readOnly = true)
    public VersionedDefinition definition(String slug) {
        ProblemSet set = find(slug);
        return new VersionedDefinition(set.version(), new ProblemSetDefinition(set.slug(), set.title(), set.source(),
                set.activeProblems().stream().map(p -> json.readValue(p.definition(), ProblemDefinition.class))
                        .toList(), set.practiceChecks()));
    }

    public record VersionedDefinition(int version, ProblemSetDefinition definition) {
    }

    private ProblemSet store(ProblemSet set, ProblemSetDefinition definition, ProblemSet.Origin origin, String hash) {
        List<String> documents = new ArrayList<>();
        for (ProblemDefinition p : definition.problems()) {
            documents.add(json.writeValueAsString(p));
        }
        set.apply(definition, documents, origin, hash, clock.instant());
        return sets.save(set);
    }

    /** A set as read: its header and its active problems' keys and titles, in order. */
    public record SetInfo(String slug, String title, String source, int version, List<ProblemInfo> problems) {
    }

    /** A problem's key, title and what it is worth in a grade book ({@code maxScore}, default 1). */
    public record ProblemInfo(String key, String title, double maxScore) {
    }

    @Transactional(readOnly = true)
    public Page<SetInfo> list(int page, int size) {
        return sets.findAll(PageRequest.of(page, size, Sort.by("slug"))).map(this::info);
    }

    @Transactional(readOnly = true)
    public SetInfo get(String slug) {
        return info(find(slug));
    }

    private SetInfo info(ProblemSet set) {
        return new SetInfo(set.slug(), set.title(), set.source(), set.version(),
                set.activeProblems().stream().map(p -> new ProblemInfo(p.key(), p.title(),
                        json.readValue(p.definition(), ProblemDefinition.class).maxScoreOrDefault())).toList());
    }

    private ProblemSet find(String slug) {
        return sets.findBySlug(slug).orElseThrow(() -> new NotFound("there is no problem set `" + slug + "`"));
    }

    @Transactional(readOnly = true)
    public StoredProblem problem(String slug, String key) {
        ProblemSet set = find(slug);
        Problem p = set.problem(key);
        if (p == null || p.isRetired()) {
            throw new NotFound("problem set `" + slug + "` has no problem `" + key + "`");
        }
        ProblemDefinition definition = json.readValue(p.definition(), ProblemDefinition.class);
        return new StoredProblem(p.id(), p.version(), definition,
                ProblemSetDefinition.practiceOpen(set.practiceChecks(), definition));
    }

    /** Checks answers against a stored problem with its own settings; nothing is persisted. */
    public CheckReport check(StoredProblem problem, Map<String, Object> answers, Long seed, Deadline deadline) {
        return checker.check(problem.definition().toCheck(answers, seed), deadline);
    }

    /** A problem as stored: its id and version (what a submission records), its definition, and whether its
     * practice checks are open to anyone. */
    public record StoredProblem(long id, int version, ProblemDefinition definition, boolean practiceOpen) {
    }
}
