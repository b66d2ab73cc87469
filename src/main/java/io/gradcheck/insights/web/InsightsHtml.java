package io.gradcheck.insights.web;

import io.gradcheck.insights.Insights;
import io.gradcheck.insights.Insights.Mistake;
import io.gradcheck.insights.Insights.PartInsights;
import io.gradcheck.insights.Insights.ProblemInsights;
import io.gradcheck.insights.Insights.Variant;
import io.gradcheck.insights.Insights.WrongAnswer;
import java.util.List;
import java.util.Locale;

/** The instructors' insights page: plain HTML with a table per part and an SVG chart, no script. */
final class InsightsHtml {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
            + "padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid "
            + "#bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}"
            + "section{border-top:2px solid #ddd;margin-top:1.5rem}code{font-size:.95em}";

    private InsightsHtml() {
    }

    static String page(Insights in, String token, String since, String until) {
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>What the class gets "
                + "wrong: ").append(Html.escape(in.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body><main><h1>What the class gets wrong: ").append(Html.escape(in.title()))
                .append("</h1><p>Problem set <code>").append(Html.escape(in.set())).append("</code>, submissions ")
                .append(in.since() == null ? "from the first" : "from " + in.since())
                .append(in.until() == null ? " up to now" : " until " + in.until()).append(".</p>")
                .append("<form method=\"get\"><input type=\"hidden\" name=\"token\" value=\"")
                .append(Html.escape(token)).append("\"><label>From (UTC) <input name=\"since\" value=\"")
                .append(Html.escape(since)).append("\" placeholder=\"2026-11-01T00:00\"></label> "
                        + "<label>Until (UTC) <input name=\"until\" value=\"").append(Html.escape(until))
                .append("\" placeholder=\"2026-11-22T00:00\"></label> <button type=\"submit\">Show</button></form>")
                .append("<nav aria-label=\"Problems\"><ol>");
        for (ProblemInsights p : in.problems()) {
            h.append("<li><a href=\"#p-").append(Html.escape(p.key())).append("\">").append(Html.escape(p.title()))
                    .append("</a></li>");
        }
        h.append("</ol></nav>");
        int chart = 0;
        for (ProblemInsights p : in.problems()) {
            h.append("<section id=\"p-").append(Html.escape(p.key())).append("\"><h2>").append(Html.escape(p.title()))
                    .append(" <small>(<code>").append(Html.escape(p.key())).append("</code>)</small></h2>");
            for (PartInsights part : p.parts()) {
                part(h, p, part, "chart-" + chart++);
            }
            h.append("</section>");
        }
        return h.append("</main></body></html>\n").toString();
    }

    private static void part(StringBuilder h, ProblemInsights p, PartInsights part, String chartId) {
        h.append("<h3>Derivative with respect to <code>").append(Html.escape(part.wrt())).append("</code></h3>");
        if (part.learners() == 0) {
            h.append("<p>No submissions in this window.</p>");
            return;
        }
        h.append("<table><caption>Summary</caption><tbody>")
                .append(row("Learners who tried", String.valueOf(part.learners())))
                .append(row("Submissions", String.valueOf(part.submissions())))
                .append(row("Correct at the first attempt", part.correctAtFirstAttempt() + " ("
                        + percent(part.correctAtFirstAttemptShare()) + ")"))
                .append(row("Correct eventually", part.eventuallyCorrect() + " ("
                        + percent(part.eventuallyCorrectShare()) + ")"))
                .append(row("Median attempts to correct", part.medianAttemptsToCorrect() == null ? "—"
                        : number(part.medianAttemptsToCorrect())))
                .append("</tbody></table>");
        if (part.mistakes().isEmpty()) {
            h.append("<p>Every answer was correct.</p>");
            return;
        }
        String title = "Answers not correct by diagnosis, " + p.title() + ", " + part.wrt();
        h.append("<figure>").append(BarChart.svg(chartId, title, part.mistakes().stream()
                        .map(m -> new BarChart.Bar(m.kind(), m.submissions())).toList()))
                .append("<figcaption>Submissions not correct, by diagnosis.</figcaption></figure>")
                .append("<table><caption>Diagnoses</caption><thead><tr><th scope=\"col\">Diagnosis</th>"
                        + "<th scope=\"col\">Submissions</th><th scope=\"col\">Learners</th><th scope=\"col\">Details"
                        + "</th></tr></thead><tbody>");
        for (Mistake m : part.mistakes()) {
            h.append("<tr><td>").append(Html.escape(m.kind())).append("</td><td class=\"n\">").append(m.submissions())
                    .append("</td><td class=\"n\">").append(m.learners()).append("</td><td>")
                    .append(details(m.variants())).append("</td></tr>");
        }
        h.append("</tbody></table><table><caption>Most frequent answers not correct</caption><thead><tr>"
                + "<th scope=\"col\">Answer (as read)</th><th scope=\"col\">Learners</th><th scope=\"col\">Submissions"
                + "</th><th scope=\"col\">Diagnosis</th></tr></thead><tbody>");
        for (WrongAnswer w : part.wrongAnswers()) {
            h.append("<tr><td><code>").append(Html.escape(w.reading())).append("</code></td><td class=\"n\">")
                    .append(w.learners()).append("</td><td class=\"n\">").append(w.submissions()).append("</td><td>")
                    .append(Html.escape(w.message())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static String details(List<Variant> variants) {
        StringBuilder s = new StringBuilder();
        for (Variant v : variants) {
            s.append(s.length() == 0 ? "" : "; ")
                    .append(v.factor() != null ? "× " + number(v.factor())
                            : "entries " + String.join(" ", v.wrongEntries()))
                    .append(": ").append(v.learners()).append(v.learners() == 1 ? " learner" : " learners");
        }
        return Html.escape(s.toString());
    }

    private static String row(String name, String value) {
        return "<tr><th scope=\"row\">" + Html.escape(name) + "</th><td class=\"n\">" + Html.escape(value)
                + "</td></tr>";
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }
}
