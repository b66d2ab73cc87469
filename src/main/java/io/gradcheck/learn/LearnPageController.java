package io.gradcheck.learn;

import io.gradcheck.errors.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learner's pages (Thymeleaf): a set with the learner's standing on each problem, and a problem with one
 * answer field per part. The token comes as the {@code token} query parameter (the link an instructor made or
 * the LTI launch's redirect); the page hands it to its own requests in a header.
 */
@Controller
@Hidden
class LearnPageController {

    private final LearnService service;
    private final LearnerAccess access;
    private final JsonMapper json;

    LearnPageController(LearnService service, LearnerAccess access, JsonMapper json) {
        this.service = service;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/learn/{set}")
    String set(@PathVariable String set, @RequestParam(required = false) String token, Model model,
            HttpServletResponse response) {
        LearnerToken learner = access.resolve(token, set).orElse(null);
        noStore(response);
        model.addAttribute("set", set);
        model.addAttribute("setTitle", service.setTitle(set));
        model.addAttribute("problems", service.statuses(set, learner == null ? null : learner.learnerId()));
        model.addAttribute("learner", learner);
        model.addAttribute("token", learner == null ? null : token.trim());
        return "learn/set";
    }

    @GetMapping("/learn/{set}/{problem}")
    String problem(@PathVariable String set, @PathVariable String problem,
            @RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        LearnerToken learner = access.resolve(token, set).orElse(null);
        noStore(response);
        ProblemView view = ProblemView.of(service.problem(set, problem).definition());
        List<LearnService.Attempt> history = learner == null ? List.of()
                : service.history(set, problem, learner.learnerId());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("set", set);
        config.put("problem", problem);
        config.put("variables", view.declarations());
        config.put("parts", view.parts().stream().map(ProblemView.PartRow::wrt).toList());
        config.put("practice", learner == null);
        model.addAttribute("set", set);
        model.addAttribute("setTitle", service.setTitle(set));
        model.addAttribute("p", view);
        model.addAttribute("learner", learner);
        model.addAttribute("token", learner == null ? null : token.trim());
        model.addAttribute("history", history);
        model.addAttribute("attemptsUsed", history.isEmpty() ? 0 : history.get(0).attempt());
        model.addAttribute("config", json.writeValueAsString(config).replace("</", "<\\/"));
        model.addAttribute("katex", Assets.KATEX);
        model.addAttribute("mathlive", Assets.MATHLIVE);
        return "learn/problem";
    }

    /** Token pages are never cached or passed on as a referrer (the token is in the URL). */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @ExceptionHandler(LearnerTokenRefused.class)
    String refused(LearnerTokenRefused e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        noStore(response);
        model.addAttribute("heading", "This link does not open this page");
        model.addAttribute("reason", e.getMessage());
        return "learn/refused";
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("heading", "There is no such page");
        model.addAttribute("reason", e.getMessage() + "; check the link you were given");
        return "learn/refused";
    }
}
