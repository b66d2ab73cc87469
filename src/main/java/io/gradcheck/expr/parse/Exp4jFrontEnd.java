package io.gradcheck.expr.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.Token;

/**
 * exp4j's tokenizer and shunting-yard put the normalized text into reverse Polish order, with the project's
 * catalogue of functions, the elementwise product as an operator that binds like *, and implicit
 * multiplication on. exp4j's own double evaluation is never used: the tree is built from the tokens.
 */
final class Exp4jFrontEnd {

    /** The elementwise product's spelling for exp4j (the notation's .* and ⊙). */
    static final String HADAMARD = "#";

    private static final Map<String, Function> FUNCTIONS = new HashMap<>();
    private static final Map<String, Operator> OPERATORS = Map.of(HADAMARD,
            new Operator(HADAMARD, 2, true, Operator.PRECEDENCE_MULTIPLICATION) {
                @Override
                public double apply(double... args) {
                    throw new UnsupportedOperationException("the tree is evaluated, not exp4j");
                }
            });

    static {
        for (Catalogue.FunctionEntry f : Catalogue.functions().values()) {
            FUNCTIONS.put(f.name(), new Function(f.name(), f.arity()) {
                @Override
                public double apply(double... args) {
                    throw new UnsupportedOperationException("the tree is evaluated, not exp4j");
                }
            });
        }
    }

    private Exp4jFrontEnd() {
    }

    static Token[] toReversePolish(List<Lexeme> lexemes) {
        StringBuilder text = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (Lexeme l : lexemes) {
            text.append(l.exp4j()).append(' ');
            switch (l.kind()) {
                case VARIABLE, CONSTANT, COMPONENT, TRANSPOSE_MARK -> names.add(l.exp4j());
                default -> {
                }
            }
        }
        return ShuntingYard.convertToRPN(text.toString(), FUNCTIONS, OPERATORS, names, true);
    }
}
