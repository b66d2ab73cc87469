package io.gradcheck.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * A problem statement (Markdown with LaTeX between $…$ or $$…$$) as safe HTML. The math is taken out before the
 * Markdown is read — otherwise `_` and `\\` inside it would become emphasis and escapes — and put back,
 * HTML-escaped, in spans that KaTeX typesets in the browser. Raw HTML in a statement is shown as text.
 */
final class Statements {

    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$", Pattern.DOTALL);
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Statements() {
    }

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> math = new ArrayList<>();
        Matcher m = MATH.matcher(markdown);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            boolean display = m.group(1) != null;
            String tex = display ? m.group(1) : m.group(2);
            math.add((display ? "<span class=\"math display\">" : "<span class=\"math\">")
                    + HtmlUtils.htmlEscape(tex) + "</span>");
            m.appendReplacement(text, "GCMATH" + (math.size() - 1) + "X");
        }
        m.appendTail(text);
        String html = HTML.render(MARKDOWN.parse(text.toString()));
        for (int i = math.size() - 1; i >= 0; i--) {
            html = html.replace("GCMATH" + i + "X", math.get(i));
        }
        return html;
    }
}
