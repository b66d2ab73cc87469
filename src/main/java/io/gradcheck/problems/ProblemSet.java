package io.gradcheck.problems;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored problem set. Its problems are updated in place by key and never deleted while the set exists:
 * a problem dropped from the file is retired, so that learners' submissions keep what they refer to.
 */
@Entity
@Table(name = "problem_set")
class ProblemSet {

    enum Origin { FILE, API }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String slug;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 1000)
    private String source;

    @Column(nullable = false, length = 10)
    private String origin;

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(nullable = false)
    private int version;

    @Column(name = "practice_checks")
    private Boolean practiceChecks;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "problemSet", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Problem> problems = new ArrayList<>();

    protected ProblemSet() {
    }

    ProblemSet(String slug) {
        this.slug = slug;
    }

    /** Takes the definition's header and problems: existing keys are updated, new ones added, missing ones retired. */
    void apply(ProblemSetDefinition definition, List<String> problemJson, Origin origin, String hash, Instant now) {
        this.title = definition.title();
        this.source = definition.source();
        this.practiceChecks = definition.practiceChecks();
        this.origin = origin.name();
        this.contentHash = hash;
        this.version++;
        this.updatedAt = now;
        problems.forEach(Problem::retire);
        for (int i = 0; i < definition.problems().size(); i++) {
            var p = definition.problems().get(i);
            Problem existing = problem(p.key());
            if (existing == null) {
                existing = new Problem(this, p.key());
                problems.add(existing);
            }
            existing.update(i, p.title(), problemJson.get(i));
        }
    }

    Problem problem(String key) {
        return problems.stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }

    List<Problem> activeProblems() {
        return problems.stream().filter(p -> !p.isRetired()).toList();
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    Boolean practiceChecks() {
        return practiceChecks;
    }

    String source() {
        return source;
    }

    String contentHash() {
        return contentHash;
    }

    int version() {
        return version;
    }
}
