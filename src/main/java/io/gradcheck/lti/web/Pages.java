package io.gradcheck.lti.web;

import static io.gradcheck.lti.web.Html.esc;

import io.gradcheck.lti.DeepLinking;
import io.gradcheck.lti.Launches;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.submissions.SubmissionService.GradeRow;
import java.util.List;

/** The bodies of the LTI pages. Everything from outside is escaped. */
final class Pages {

    private Pages() {
    }

    /** Sets and their problems as checkboxes (or whole sets), posted with the signed context. */
    static String picker(Launches.Picker picker) {
        StringBuilder b = new StringBuilder("<p>Choose the problem sets or single problems to add to the course. A "
                + "single problem gets its own grade column.</p><form method=\"post\" action=\"/lti/deep-linking\">"
                + "<input type=\"hidden\" name=\"context\" value=\"" + esc(picker.context()) + "\">");
        for (ProblemSetService.SetInfo set : picker.sets()) {
            b.append("<fieldset><legend>").append(esc(set.title())).append("</legend>");
            b.append(box(set.slug(), "The whole set"));
            for (ProblemSetService.ProblemInfo p : set.problems()) {
                b.append(box(set.slug() + "/" + p.key(), p.title()));
            }
            b.append("</fieldset>");
        }
        return b.append("<button type=\"submit\">Add to the course</button></form>").toString();
    }

    private static String box(String value, String label) {
        String id = "item-" + value.replaceAll("[^A-Za-z0-9_-]", "-");
        return "<div><input type=\"checkbox\" name=\"item\" id=\"" + esc(id) + "\" value=\"" + esc(value) + "\">"
                + "<label for=\"" + esc(id) + "\">" + esc(label) + "</label></div>";
    }

    /** The deep-linking response goes back through the browser: a form posted to the LMS at once. */
    static String autoPost(DeepLinking.Response response) {
        return "<form id=\"back\" method=\"post\" action=\"" + esc(response.returnUrl()) + "\">"
                + "<input type=\"hidden\" name=\"JWT\" value=\"" + esc(response.jwt()) + "\">"
                + "<button type=\"submit\">Continue to the LMS</button></form>"
                + "<script>document.getElementById('back').submit();</script>";
    }

    /**
     * The insights page opens in a new tab: it refuses to be framed (X-Frame-Options DENY, as every page but the
     * learner's and LTI's), and its token must not reach the LMS by a Referer.
     */
    static String gradeBook(String set, List<GradeRow> rows, String insightsLink) {
        String insights = "<p><a href=\"" + esc(insightsLink) + "\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "What the class gets wrong</a>: the insights of this set, per problem (opens in a new tab).</p>";
        if (rows.isEmpty()) {
            return insights + "<p>No submissions yet for this set.</p>";
        }
        StringBuilder b = new StringBuilder(insights + "<p>Best and latest score (0 to 1) per learner and problem. The same "
                + "grade book is available as JSON or CSV at <code>/api/v1/problem-sets/" + esc(set)
                + "/grades</code> with an instructor key.</p><table><thead><tr><th scope=\"col\">Learner</th>"
                + "<th scope=\"col\">Problem</th><th scope=\"col\">Attempts</th><th scope=\"col\">Best</th>"
                + "<th scope=\"col\">Latest</th><th scope=\"col\">Latest at</th></tr></thead><tbody>");
        for (GradeRow r : rows) {
            b.append("<tr><td>").append(esc(r.learnerId())).append("</td><td>").append(esc(r.problem()))
                    .append("</td><td>").append(r.attempts()).append("</td><td>").append(r.bestScore())
                    .append("</td><td>").append(r.latestScore()).append("</td><td>").append(esc(r.latestAt()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
