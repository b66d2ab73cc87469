package io.gradcheck.check;

import io.gradcheck.expr.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declared variables a check needs values for: those f, the constraints and the readable answers name, and
 * each part's wrt. Only these are drawn; a declared variable nothing uses costs nothing (issue 15).
 */
final class UsedVariables {

    private UsedVariables() {
    }

    static Set<String> of(Node f, List<PartPlan> parts, List<Constraint> constraints) {
        Set<String> used = new HashSet<>();
        collect(f, used);
        for (Constraint c : constraints) {
            collect(c.left().root(), used);
            collect(c.right().root(), used);
        }
        for (PartPlan p : parts) {
            used.add(p.wrt());
            if (p.answer() instanceof Answer.Expression e) {
                collect(e.parsed().root(), used);
            } else if (p.answer() instanceof Answer.EntryWise w) {
                w.entries().forEach(entry -> collect(entry.root(), used));
            }
        }
        return used;
    }

    private static void collect(Node node, Set<String> used) {
        if (node instanceof Node.Variable v) {
            used.add(v.name());
        } else if (node instanceof Node.Component c) {
            used.add(c.of().name());
        } else if (node instanceof Node.Call call) {
            call.args().forEach(a -> collect(a, used));
        }
    }
}
