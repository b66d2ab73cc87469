package io.gradcheck.lti;

import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.errors.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Service;

/**
 * Deep Linking 2.0. The request's settings travel to the picker and back as a context JWT signed with the tool's
 * key (no server session, any replica can answer); the answer is an {@code LtiDeepLinkingResponse} signed with the
 * same key, whose content items are LTI resource links carrying the set and problem as custom parameters and,
 * for a problem, a line item.
 */
@Service
public class DeepLinking {

    static final String AUDIENCE = "gradcheck-deep-linking";
    private static final Duration CONTEXT_LIFETIME = Duration.ofHours(1);
    private static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);

    private final ToolKeys keys;
    private final Platforms platforms;
    private final ProblemSetService problems;
    private final Clock clock;

    DeepLinking(ToolKeys keys, Platforms platforms, ProblemSetService problems, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.platforms = platforms;
        this.problems = problems;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The signed context of a verified deep-linking request. */
    String context(Platform platform, Jwt request) {
        Map<String, Object> settings = request.getClaimAsMap(LtiClaims.DEEP_LINKING_SETTINGS);
        if (settings == null || !(settings.get("deep_link_return_url") instanceof String returnUrl)) {
            throw LtiRefusal.badRequest("a deep-linking request must carry " + LtiClaims.DEEP_LINKING_SETTINGS
                    + " with a deep_link_return_url");
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("gradcheck").audience(List.of(AUDIENCE))
                .subject(request.getSubject()).issuedAt(now).expiresAt(now.plus(CONTEXT_LIFETIME))
                .claim("platform", platform.id())
                .claim("deployment", request.getClaimAsString(LtiClaims.DEPLOYMENT_ID))
                .claim("return", returnUrl)
                .claim("multiple", !Boolean.FALSE.equals(settings.get("accept_multiple")));
        if (settings.get("data") instanceof String data) {
            claims.claim("data", data);
        }
        return keys.sign(claims.build());
    }

    /** The signed response and where to post it. */
    public record Response(String returnUrl, String jwt) {
    }

    /**
     * @param context    the context from the picker
     * @param selections {@code set} or {@code set/problem}, in the order chosen
     * @param launchUrl  this tool's launch URL (the content items' url)
     */
    public Response respond(String context, List<String> selections, String launchUrl) {
        Jwt ctx = StaffPages.verifyOwn(keys, clock, context, AUDIENCE);
        List<String> chosen = selections == null ? List.of() : selections.stream().filter(s -> !s.isBlank()).toList();
        if (chosen.isEmpty()) {
            throw LtiRefusal.badRequest("choose at least one problem set or problem");
        }
        if (chosen.size() > 1 && Boolean.FALSE.equals(ctx.getClaim("multiple"))) {
            throw LtiRefusal.badRequest("the LMS accepts one item here; choose one");
        }
        Platform platform = platforms.get(((Number) ctx.getClaim("platform")).longValue());
        List<Map<String, Object>> items = new ArrayList<>();
        for (String s : chosen) {
            items.add(item(s, launchUrl));
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(platform.clientId()).audience(List.of(platform.issuer()))
                .issuedAt(now).expiresAt(now.plus(RESPONSE_LIFETIME)).id(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, ctx.getClaimAsString("deployment"))
                .claim(LtiClaims.CONTENT_ITEMS, items);
        if (ctx.getClaimAsString("data") != null) {
            claims.claim(LtiClaims.DATA, ctx.getClaimAsString("data"));
        }
        return new Response(ctx.getClaimAsString("return"), keys.sign(claims.build()));
    }

    private Map<String, Object> item(String selection, String launchUrl) {
        int slash = selection.indexOf('/');
        String set = slash < 0 ? selection : selection.substring(0, slash);
        String problem = slash < 0 ? null : selection.substring(slash + 1);
        Map<String, Object> item = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("set", set);
        try {
            ProblemSetService.SetInfo info = problems.get(set);
            if (problem == null) {
                item.put("title", info.title());
            } else {
                problems.problem(set, problem);
                custom.put("problem", problem);
                String title = info.problems().stream().filter(p -> p.key().equals(problem)).findFirst()
                        .map(ProblemSetService.ProblemInfo::title).orElse(problem);
                item.put("title", title);
                item.put("lineItem", Map.of("scoreMaximum", PointsPossible.of(problems, set, problem), "label", title,
                        "resourceId", set + "/" + problem, "tag", "gradcheck"));
            }
        } catch (NotFound e) {
            throw new LtiRefusal(404, "Not here", e.getMessage());
        }
        item.put("type", "ltiResourceLink");
        item.put("url", launchUrl);
        item.put("custom", custom);
        return item;
    }
}
