package io.gradcheck.check;

import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for check requests in tests: variables from "x:3 A:3x3 s", fixed values and options. */
final class Checks {

    private final String function;
    private final Map<String, VariableSpec> variables = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<String> constraints = new ArrayList<>();
    private int points = 8;
    private long seed = 42;
    private CheckRequest.Tolerance tolerance;

    private Checks(String function, String vars) {
        this.function = function;
        for (String item : vars.trim().split("\\s+")) {
            String[] ns = item.split(":");
            variables.put(ns[0], new VariableSpec(ns.length == 1 ? List.of() : dims(ns[1]), null, null, null, null, null));
        }
    }

    static Checks of(String function, String vars) {
        return new Checks(function, vars);
    }

    private static List<Integer> dims(String s) {
        return Arrays.stream(s.split("x")).map(Integer::valueOf).toList();
    }

    private Checks change(String name, java.util.function.UnaryOperator<VariableSpec> f) {
        variables.put(name, f.apply(variables.get(name)));
        return this;
    }

    Checks value(String name, Object value) {
        return change(name, v -> new VariableSpec(v.shape(), value, v.domain(), v.symmetric(), v.positiveDefinite(),
                v.invertible()));
    }

    Checks domain(String name, double low, double high) {
        return change(name, v -> new VariableSpec(v.shape(), v.value(), List.of(low, high), v.symmetric(),
                v.positiveDefinite(), v.invertible()));
    }

    Checks symmetric(String name) {
        return change(name, v -> new VariableSpec(v.shape(), v.value(), v.domain(), true, null, v.invertible()));
    }

    Checks positiveDefinite(String name) {
        return change(name, v -> new VariableSpec(v.shape(), v.value(), v.domain(), null, true, null));
    }

    Checks invertible(String name) {
        return change(name, v -> new VariableSpec(v.shape(), v.value(), v.domain(), null, null, true));
    }

    Checks constraint(String c) {
        constraints.add(c);
        return this;
    }

    Checks part(String wrt, String layout, Object answer) {
        parts.add(new Part(wrt, layout, 1, answer));
        return this;
    }

    Checks hessian(String wrt, Object answer) {
        parts.add(new Part(wrt, null, 2, answer));
        return this;
    }

    Checks points(int n) {
        points = n;
        return this;
    }

    Checks seed(long s) {
        seed = s;
        return this;
    }

    Checks digits(int d) {
        tolerance = new CheckRequest.Tolerance(null, null, d);
        return this;
    }

    CheckRequest request() {
        return new CheckRequest(function, variables, constraints, parts, points, seed, tolerance);
    }

    CheckReport run() {
        return new Checker().check(request());
    }
}
