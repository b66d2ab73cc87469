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
 * The exp4j adapter: spells the token stream the way exp4j's tokenizer reads it, lets exp4j's shunting-yard
 * put it into reverse Polish order (with the catalogue's functions, the elementwise product and power and the
 * Kronecker product as operators, implicit multiplication on), and reads exp4j's spellings back. exp4j's own
 * double evaluation is never used: the tree is built from the tokens. All exp4j spellings live here.
 */
final class Exp4jFrontEnd {

    /** A function as the tree builder sees it: its catalogue name (or {@link Lexeme#BAR_ABS}) and arity. */
    record Call(String name, int arity) {
    }

    private static final Map<String, String> OPERATOR_SPELLING = Map.of(".*", "#", ".^", "&", "⊗", "$");
    private static final Map<String, String> OPERATOR_MEANING = Map.of("#", ".*", "&", ".^", "$", "⊗");
    private static final Map<String, Function> FUNCTIONS = new HashMap<>();
    private static final Map<String, Call> CALLS = new HashMap<>();
    private static final Map<String, Operator> OPERATORS = Map.of(
            "#", operator("#", Operator.PRECEDENCE_MULTIPLICATION, true),
            "$", operator("$", Operator.PRECEDENCE_MULTIPLICATION, true),
            "&", operator("&", Operator.PRECEDENCE_POWER, false));

    static {
        for (Catalogue.FunctionEntry f : Catalogue.functions().values()) {
            register(f.name(), f.arity());
            if (Catalogue.accepts(f.name(), 2) && f.arity() != 2) {
                register(f.name(), 2);
            }
        }
        register(Lexeme.BAR_ABS, 1);
    }

    private static void register(String name, int arity) {
        String spelled = spell(name, arity);
        CALLS.put(spelled, new Call(name, arity));
        FUNCTIONS.put(spelled, new Function(spelled, arity) {
            @Override
            public double apply(double... args) {
                throw new UnsupportedOperationException("the tree is evaluated, not exp4j");
            }
        });
    }

    private static Operator operator(String symbol, int precedence, boolean leftAssociative) {
        return new Operator(symbol, 2, leftAssociative, precedence) {
            @Override
            public double apply(double... args) {
                throw new UnsupportedOperationException("the tree is evaluated, not exp4j");
            }
        };
    }

    private Exp4jFrontEnd() {
    }

    private static String spell(String function, int arity) {
        if (Lexeme.BAR_ABS.equals(function)) {
            return "abs_bars";
        }
        Catalogue.FunctionEntry entry = Catalogue.function(function);
        return entry == null || entry.arity() == arity ? function : function + "_" + arity;
    }

    static Token[] toReversePolish(List<Lexeme> lexemes) {
        StringBuilder text = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (Lexeme l : lexemes) {
            String spelled = switch (l.kind()) {
                case COMPONENT -> l.text() + "." + (l.row() + 1) + "." + (l.col() + 1);
                case FUNCTION -> spell(l.text(), l.arity());
                case OPERATOR -> OPERATOR_SPELLING.getOrDefault(l.text(), l.text());
                case OPEN -> "(";
                case CLOSE -> ")";
                default -> l.text();
            };
            text.append(spelled).append(' ');
            if (l.kind().isOperand() && l.kind() != Lexeme.Kind.NUMBER) {
                names.add(spelled);
            }
        }
        return ShuntingYard.convertToRPN(text.toString(), FUNCTIONS, OPERATORS, names, true);
    }

    /** The function behind exp4j's spelling of it. */
    static Call function(String spelled) {
        return CALLS.get(spelled);
    }

    /** The operator (+ - * / ^ .* .^ ⊗) behind exp4j's spelling of it. */
    static String operator(String spelled) {
        return OPERATOR_MEANING.getOrDefault(spelled, spelled);
    }
}
