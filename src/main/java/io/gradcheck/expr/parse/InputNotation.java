package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import java.util.Locale;

/** Which notation a text is read in: the plain notation of the notes, or LaTeX. */
public enum InputNotation {
    TEXT, LATEX;

    /** A text with a backslash command (or \begin) is LaTeX; anything else is the plain notation. */
    public static InputNotation guess(String text) {
        return text != null && text.indexOf('\\') >= 0 ? LATEX : TEXT;
    }

    /** "latex" or "text" as a request spells it; null means: guess from the text. */
    public static InputNotation of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "latex", "tex" -> LATEX;
            case "text", "plain" -> TEXT;
            default -> throw new ExpressionException(Kind.SYNTAX, "notation `" + name + "` is not known; "
                    + "write \"latex\" or \"text\", or leave it out to let the service tell from the text");
        };
    }

    /** As the API spells it: "latex" or "text". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
