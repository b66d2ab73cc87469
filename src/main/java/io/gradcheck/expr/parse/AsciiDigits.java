package io.gradcheck.expr.parse;

/**
 * Decimal digits of any script read as the ASCII digits they are: a CJK input method types `２ A x` with a
 * fullwidth 2, and the Arabic-Indic ٢ is the same number. One character for one, so positions in errors stay
 * true. (Only decimal digits: `²` and `½` keep their own meaning.)
 */
final class AsciiDigits {

    private AsciiDigits() {
    }

    static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return out == null ? text : out.toString();
    }
}
