package io.gradcheck.problems;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** A stored problem: its key within the set, its version, and its definition as a JSON document. */
@Entity
@Table(name = "problem")
class Problem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "set_id")
    private ProblemSet problemSet;

    @Column(name = "problem_key", nullable = false, length = 100)
    private String key;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private boolean retired;

    @Column(nullable = false, length = 200_000)
    private String definition;

    protected Problem() {
    }

    Problem(ProblemSet set, String key) {
        this.problemSet = set;
        this.key = key;
    }

    /** A changed definition is a new version; an unchanged one keeps its version. */
    void update(int position, String title, String definition) {
        this.position = position;
        this.title = title;
        this.retired = false;
        if (!Objects.equals(this.definition, definition)) {
            this.definition = definition;
            this.version++;
        }
    }

    void retire() {
        retired = true;
    }

    boolean isRetired() {
        return retired;
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    int version() {
        return version;
    }

    String definition() {
        return definition;
    }
}
