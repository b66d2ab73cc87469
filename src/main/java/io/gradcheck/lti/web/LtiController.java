package io.gradcheck.lti.web;

import io.gradcheck.lti.DeepLinking;
import io.gradcheck.lti.Launches;
import io.gradcheck.lti.LoginFlow;
import io.gradcheck.lti.LtiRefusal;
import io.gradcheck.lti.StaffPages;
import io.gradcheck.submissions.GradeBook;
import io.gradcheck.submissions.SubmissionService.GradeRow;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of LTI: OIDC login, launch, the deep-linking picker's answer, and the grade book instructors
 * land on. These are pages in the LMS's iframe, so a refusal is a page too (4xx, one sentence), not JSON.
 */
@Hidden
@RestController
@RequestMapping("/lti")
class LtiController {

    private final LoginFlow login;
    private final Launches launches;
    private final DeepLinking deepLinking;
    private final StaffPages staffPages;
    private final GradeBook gradeBook;
    private final ToolUrls urls;

    LtiController(LoginFlow login, Launches launches, DeepLinking deepLinking, StaffPages staffPages,
            GradeBook gradeBook, ToolUrls urls) {
        this.login = login;
        this.launches = launches;
        this.deepLinking = deepLinking;
        this.staffPages = staffPages;
        this.gradeBook = gradeBook;
        this.urls = urls;
    }

    /** Third-party initiated login (OIDC): the platform sends the browser here first. */
    @RequestMapping(path = "/login", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> login(@RequestParam Map<String, String> params) {
        URI redirect = login.start(params, urls.launch());
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect).header("Cache-Control", "no-store").build();
    }

    @PostMapping("/launch")
    ResponseEntity<String> launch(@RequestParam Map<String, String> params) {
        if (params.containsKey("error")) {
            throw LtiRefusal.badRequest("the LMS did not sign you in for this tool: " + params.get("error")
                    + (params.get("error_description") == null ? "" : " (" + params.get("error_description") + ")"));
        }
        Launches.Outcome outcome = launches.launch(params.get("id_token"), params.get("state"));
        if (outcome instanceof Launches.Redirect r) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(r.location()))
                    .header("Cache-Control", "no-store").build();
        }
        Launches.Picker picker = (Launches.Picker) outcome;
        return Html.respond(200, "Choose what to link", Pages.picker(picker));
    }

    /** The picker's form: signs the LtiDeepLinkingResponse and posts it back to the LMS from the browser. */
    @PostMapping("/deep-linking")
    ResponseEntity<String> deepLinking(@RequestParam(name = "context", required = false) String context,
            @RequestParam(name = "item", required = false) List<String> items) {
        DeepLinking.Response response = deepLinking.respond(context, items, urls.launch());
        return Html.respond(200, "Sending your choice to the LMS", Pages.autoPost(response));
    }

    @GetMapping("/grade-book/{set}")
    ResponseEntity<String> gradeBook(@PathVariable String set, @RequestParam(required = false) String token) {
        staffPages.requireGradeBookAccess(token, set);
        List<GradeRow> rows = new ArrayList<>(); // the SQL grade book, one row per learner and problem
        gradeBook.stream(set, rows::add);
        return Html.respond(200, "Grade book: " + set, Pages.gradeBook(set, rows, staffPages.insightsLink(set)));
    }

    @ExceptionHandler(LtiRefusal.class)
    ResponseEntity<String> refused(LtiRefusal e) {
        return Html.respond(e.status(), e.title(), "<p role=\"alert\">" + Html.esc(e.getMessage()) + "</p>");
    }

    @ExceptionHandler(io.gradcheck.errors.NotFound.class)
    ResponseEntity<String> notFound(io.gradcheck.errors.NotFound e) {
        return Html.respond(404, "Not found", "<p role=\"alert\">" + Html.esc(e.getMessage()) + "</p>");
    }
}
