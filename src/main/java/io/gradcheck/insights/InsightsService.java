package io.gradcheck.insights;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.insights.Insights.Mistake;
import io.gradcheck.insights.Insights.PartInsights;
import io.gradcheck.insights.Insights.ProblemInsights;
import io.gradcheck.insights.Insights.Variant;
import io.gradcheck.insights.Insights.WrongAnswer;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.problems.ProblemSetService.ProblemInfo;
import io.gradcheck.problems.ProblemSetService.SetInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what a class gets wrong, in SQL over submission_part (one row per part of a graded submission, written
 * by submissions/). Every query groups in the database; the rows streamed back are one per part and attempt
 * count, per part and diagnosis kind, and per distinct reading (or constant, or set of wrong entries) of which
 * only the most frequent {@code top} per part are kept. Memory holds (parts × top) items whatever the number
 * of submissions. No window functions: H2 evaluates them slowly over grouped rows (seconds at 100,000 rows).
 */
@Service
public class InsightsService {

    public static final int MAX_TOP = 50;
    private static final int FETCH = 1000;
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String WINDOW = " from submission_part where set_slug = :slug and created_at >= :since"
            + " and created_at < :until";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProblemSetService problems;

    InsightsService(DataSource data, ProblemSetService problems) {
        JdbcTemplate template = new JdbcTemplate(data);
        template.setFetchSize(FETCH); // PostgreSQL streams a result in a transaction only when given a fetch size
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.problems = problems;
    }

    @Transactional(readOnly = true)
    public Insights of(String slug, Instant since, Instant until, int top) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadRequest("since (" + since + ") must be before until ("
                    + until + ")");
        }
        if (top < 1 || top > MAX_TOP) {
            throw new BadRequest("top must be from 1 to " + MAX_TOP);
        }
        SetInfo set = problems.get(slug);
        MapSqlParameterSource p = new MapSqlParameterSource("slug", slug)
                .addValue("since", since == null ? EARLIEST : OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .addValue("until", until == null ? LATEST : OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .addValue("top", top);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (ProblemInfo problem : set.problems()) {
            for (PartDefinition part : problems.problem(slug, problem.key()).definition().parts()) {
                tallies.put(id(problem.key(), part.wrt()), new Tally());
            }
        }
        learners(p, tallies);
        mistakes(p, tallies);
        wrongAnswers(p, tallies);
        List<ProblemInsights> out = new ArrayList<>();
        for (ProblemInfo problem : set.problems()) {
            List<PartInsights> parts = new ArrayList<>();
            tallies.forEach((id, tally) -> {
                if (id.startsWith(problem.key() + "\u0000")) {
                    parts.add(tally.insights(id.substring(problem.key().length() + 1)));
                }
            });
            out.add(new ProblemInsights(problem.key(), problem.title(), parts));
        }
        return new Insights(set.slug(), set.title(), since, until, out);
    }

    /**
     * Per learner: submissions, first attempt and first correct attempt; then per part, how many learners needed
     * n attempts to their first correct one (n = 0: never correct). Rows: parts × distinct n.
     */
    private void learners(MapSqlParameterSource p, Map<String, Tally> tallies) {
        String n = "case when first_correct is null then 0 else first_correct - first_attempt + 1 end";
        jdbc.query("select problem_key, wrt, " + n + " as n, count(*) as learners, sum(tries) as submissions"
                + " from (select problem_key, wrt, learner_id, count(*) as tries, min(attempt) as first_attempt,"
                + " min(case when verdict = 'correct' then attempt end) as first_correct" + WINDOW
                + " group by problem_key, wrt, learner_id) per_learner group by problem_key, wrt, " + n, p, rs -> {
                    Tally t = tally(tallies, rs.getString(1), rs.getString(2));
                    if (t != null) {
                        t.attemptsToCorrect.merge(rs.getInt(3), rs.getLong(4), Long::sum);
                        t.submissions += rs.getLong(5);
                    }
                });
    }

    /** Answers not correct by diagnosis kind; then the constants of scaled and the entries of partially correct. */
    private void mistakes(MapSqlParameterSource p, Map<String, Tally> tallies) {
        jdbc.query("select problem_key, wrt, diagnosis, count(*), count(distinct learner_id)" + WINDOW
                + " and verdict <> 'correct' group by problem_key, wrt, diagnosis", p, rs -> {
                    Tally t = tally(tallies, rs.getString(1), rs.getString(2));
                    if (t != null) {
                        t.kinds.put(rs.getString(3), new long[] {rs.getLong(4), rs.getLong(5)});
                    }
                });
        int top = (Integer) p.getValue("top");
        jdbc.query("select problem_key, wrt, diagnosis, factor, wrong_entries, count(*), count(distinct learner_id)"
                + WINDOW + " and diagnosis in ('scaled', 'partially_correct') and verdict <> 'correct'"
                + " group by problem_key, wrt, diagnosis, factor, wrong_entries", p, rs -> {
                    Tally t = tally(tallies, rs.getString(1), rs.getString(2));
                    if (t != null) {
                        double factor = rs.getDouble(4);
                        Double f = rs.wasNull() ? null : factor;
                        String entries = rs.getString(5);
                        t.variants.computeIfAbsent(rs.getString(3), k -> new Top<>(top, VARIANTS)).offer(new Variant(f,
                                entries == null ? null : Arrays.asList(entries.split(" ")), rs.getLong(6),
                                rs.getLong(7)));
                    }
                });
    }

    /**
     * The readings of answers not correct, kept to the most frequent {@code top} per part as the groups stream
     * in. A reading has one diagnosis at every seed in practice; should two seeds disagree, the first kind and
     * sentence in alphabetical order are shown.
     */
    private void wrongAnswers(MapSqlParameterSource p, Map<String, Tally> tallies) {
        int top = (Integer) p.getValue("top");
        jdbc.query("select problem_key, wrt, min(reading), min(diagnosis), min(message), count(distinct learner_id),"
                + " count(*)" + WINDOW + " and verdict <> 'correct' group by problem_key, wrt, reading_hash", p, rs -> {
                    Tally t = tally(tallies, rs.getString(1), rs.getString(2));
                    if (t != null) {
                        if (t.wrongAnswers == null) {
                            t.wrongAnswers = new Top<>(top, ANSWERS);
                        }
                        t.wrongAnswers.offer(new WrongAnswer(rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getLong(6), rs.getLong(7)));
                    }
                });
    }

    /** Most learners first, then most submissions, then the text: a total order, so the output is stable. */
    private static final Comparator<WrongAnswer> ANSWERS = Comparator.comparingLong(WrongAnswer::learners).reversed()
            .thenComparing(Comparator.comparingLong(WrongAnswer::submissions).reversed())
            .thenComparing(WrongAnswer::reading);
    private static final Comparator<Variant> VARIANTS = Comparator.comparingLong(Variant::learners).reversed()
            .thenComparing(Comparator.comparingLong(Variant::submissions).reversed())
            .thenComparing(v -> v.factor() == null ? "" : String.valueOf(v.factor()))
            .thenComparing(v -> v.wrongEntries() == null ? "" : String.join(" ", v.wrongEntries()));

    /** The first n of a stream in a given order, holding at most n + 1 items. */
    private static final class Top<T> {
        private final int n;
        private final Comparator<T> order;
        private final PriorityQueue<T> worstFirst;

        Top(int n, Comparator<T> order) {
            this.n = n;
            this.order = order;
            this.worstFirst = new PriorityQueue<>(order.reversed());
        }

        void offer(T item) {
            worstFirst.add(item);
            if (worstFirst.size() > n) {
                worstFirst.poll();
            }
        }

        List<T> list() {
            List<T> out = new ArrayList<>(worstFirst);
            out.sort(order);
            return out;
        }
    }

    private static String id(String problem, String wrt) {
        return problem + "\u0000" + wrt;
    }

    /** Rows of retired problems or of parts a problem no longer has are not shown. */
    private static Tally tally(Map<String, Tally> tallies, String problem, String wrt) {
        return tallies.get(id(problem, wrt));
    }

    /** What the queries found for one part. */
    private static final class Tally {
        final TreeMap<Integer, Long> attemptsToCorrect = new TreeMap<>();
        long submissions;
        final Map<String, long[]> kinds = new LinkedHashMap<>();
        final Map<String, Top<Variant>> variants = new LinkedHashMap<>();
        Top<WrongAnswer> wrongAnswers;

        PartInsights insights(String wrt) {
            long learners = attemptsToCorrect.values().stream().mapToLong(Long::longValue).sum();
            long first = attemptsToCorrect.getOrDefault(1, 0L);
            long eventually = learners - attemptsToCorrect.getOrDefault(0, 0L);
            List<Mistake> mistakes = new ArrayList<>();
            kinds.forEach((kind, c) -> mistakes.add(new Mistake(kind, c[0], c[1],
                    variants.containsKey(kind) ? variants.get(kind).list() : List.of())));
            mistakes.sort((a, b) -> a.submissions() != b.submissions() ? Long.compare(b.submissions(), a.submissions())
                    : a.kind().compareTo(b.kind()));
            return new PartInsights(wrt, learners, submissions, first, eventually,
                    learners == 0 ? null : (double) first / learners,
                    learners == 0 ? null : (double) eventually / learners, median(), mistakes,
                    wrongAnswers == null ? List.of() : wrongAnswers.list());
        }

        /** The median of n over learners who got it right (n ≥ 1), the mean of the two middle ones when even. */
        private Double median() {
            long count = attemptsToCorrect.tailMap(1).values().stream().mapToLong(Long::longValue).sum();
            if (count == 0) {
                return null;
            }
            return (nth((count - 1) / 2) + nth(count / 2)) / 2.0;
        }

        private int nth(long index) {
            long seen = 0;
            for (var e : attemptsToCorrect.tailMap(1).entrySet()) {
                seen += e.getValue();
                if (index < seen) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("index beyond the count");
        }
    }
}
