package io.gradcheck.lti.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The few small HTML pages of LTI (refusals, picker, grade book, the auto-post back to the LMS). */
final class Html {

    private Html() {
    }

    static String esc(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(String.valueOf(text), "UTF-8");
    }

    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · gradcheck</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem;"
                + "line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
                + "text-align:left}fieldset{margin:1rem 0}</style></head><body><main>"
                + "<h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static ResponseEntity<String> respond(int status, String title, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(page(title, body));
    }
}
