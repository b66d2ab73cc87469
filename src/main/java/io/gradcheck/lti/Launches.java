package io.gradcheck.lti;

import io.gradcheck.learn.LearnerTokens;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.errors.NotFound;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Turns a verified launch into where the person goes: a learner to the learner page with a learner token, an
 * instructor to the set's grade book, a deep-linking request to the picker. A refused launch stores nothing: the
 * used nonce and the launch context are written in one transaction, after every check has passed.
 */
@Service
public class Launches {

    private static final Pattern LEARN_PATH = Pattern.compile(".*/learn/([A-Za-z0-9_.-]+)(?:/([A-Za-z0-9_.-]+))?/?");
    private static final List<String> STAFF_ROLES = List.of(
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#", // sub-roles: TeachingAssistant, Grader…
            "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator");

    private final LoginStates states;
    private final Platforms platforms;
    private final LaunchVerifier verifier;
    private final Links links;
    private final ProblemSetService problems;
    private final LearnerTokens learnerTokens;
    private final StaffPages staffPages;
    private final DeepLinking deepLinking;
    private final LtiProperties properties;
    private final TransactionTemplate transactions;

    Launches(LoginStates states, Platforms platforms, LaunchVerifier verifier, Links links, ProblemSetService problems,
            LearnerTokens learnerTokens, StaffPages staffPages, DeepLinking deepLinking, LtiProperties properties,
            TransactionTemplate transactions) {
        this.states = states;
        this.platforms = platforms;
        this.verifier = verifier;
        this.links = links;
        this.problems = problems;
        this.learnerTokens = learnerTokens;
        this.staffPages = staffPages;
        this.deepLinking = deepLinking;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Where a launch leads. */
    public sealed interface Outcome {
    }

    /** A redirect (303) within this service: the learner page or the grade book. */
    public record Redirect(String location) implements Outcome {
    }

    /** The deep-linking picker: what can be linked, and the signed context the selection is posted back with. */
    public record Picker(String context, List<ProblemSetService.SetInfo> sets) implements Outcome {
    }

    public Outcome launch(String idToken, String state) {
        LoginStates.Pending pending = states.consume(state).orElseThrow(() -> LtiRefusal.badRequest(
                "the launch's state is missing, unknown, expired or already used: launches must follow a login at "
                        + "/lti/login within 10 minutes; open the activity again from the course"));
        Platform platform;
        try {
            platform = platforms.get(pending.platformId());
        } catch (NotFound removed) {
            throw LtiRefusal.badRequest("the platform of this login is no longer registered");
        }
        Jwt jwt = verifier.verify(idToken, platform, pending.nonce());
        return transactions.execute(tx -> {
            Instant forgetAfter = jwt.getExpiresAt().plus(LaunchVerifier.CLOCK_SKEW);
            if (!states.useNonce(platform.issuer(), jwt.getClaimAsString("nonce"), forgetAfter)) {
                throw LtiRefusal.unauthorized("this id_token's nonce was used by an earlier launch: a token is good "
                        + "for one launch; open the activity again from the course");
            }
            if (LtiClaims.DEEP_LINKING_REQUEST.equals(jwt.getClaimAsString(LtiClaims.MESSAGE_TYPE))) {
                return new Picker(deepLinking.context(platform, jwt), problems.list(0, 1000).getContent());
            }
            return resourceLink(platform, jwt);
        });
    }

    private Outcome resourceLink(Platform platform, Jwt jwt) {
        Map<String, Object> resourceLink = jwt.getClaimAsMap(LtiClaims.RESOURCE_LINK);
        Object linkId = resourceLink == null ? null : resourceLink.get("id");
        if (!(linkId instanceof String resourceLinkId) || resourceLinkId.isBlank()) {
            throw LtiRefusal.badRequest("a resource link launch must name its resource link (claim "
                    + LtiClaims.RESOURCE_LINK + " with an id)");
        }
        String[] target = target(jwt);
        String set = target[0];
        String problem = target[1];
        try {
            if (problem == null) {
                problems.get(set);
            } else {
                problems.problem(set, problem);
            }
        } catch (NotFound e) {
            throw new LtiRefusal(404, "The linked problem is not here", e.getMessage()
                    + ": the link in the LMS points to something gradcheck does not have (renamed or removed); "
                    + "an instructor can pick it again with Deep Linking");
        }
        String learnerId = platform.issuer() + "|" + jwt.getSubject();
        List<String> roles = jwt.getClaimAsStringList(LtiClaims.ROLES);
        if (roles != null && roles.stream().anyMatch(r -> STAFF_ROLES.stream().anyMatch(r::startsWith))) {
            return new Redirect(staffPages.gradeBookLink(learnerId, set));
        }
        Map<String, Object> ags = jwt.getClaimAsMap(LtiClaims.AGS_ENDPOINT);
        if (ags != null && (ags.get("lineitems") instanceof String || ags.get("lineitem") instanceof String)) {
            links.save(platform.id(), learnerId, jwt.getSubject(), set, problem, resourceLinkId,
                    (String) ags.get("lineitems"), ags.get("lineitem") instanceof String s ? s : null);
        }
        String token = learnerTokens.issue(learnerId, set, properties.learnerLink());
        String path = "/learn/" + UriUtils.encodePathSegment(set, "UTF-8")
                + (problem == null ? "" : "/" + UriUtils.encodePathSegment(problem, "UTF-8"));
        return new Redirect(path + "?token=" + UriUtils.encodeQueryParam(token, "UTF-8"));
    }

    /** {set, problem or null}: from the custom parameters, else from a target_link_uri of /learn/{set}[/{problem}]. */
    private static String[] target(Jwt jwt) {
        Map<String, Object> custom = jwt.getClaimAsMap(LtiClaims.CUSTOM);
        if (custom != null && custom.get("set") instanceof String set && !set.isBlank()) {
            Object problem = custom.get("problem");
            return new String[] {set.strip(),
                    problem instanceof String p && !p.isBlank() && !p.startsWith("$") ? p.strip() : null};
        }
        String uri = jwt.getClaimAsString(LtiClaims.TARGET_LINK_URI);
        if (uri != null) {
            try {
                Matcher m = LEARN_PATH.matcher(URI.create(uri).getPath());
                if (m.matches()) {
                    return new String[] {m.group(1), m.group(2)};
                }
            } catch (IllegalArgumentException notAUri) {
                // refused below
            }
        }
        throw LtiRefusal.badRequest("the link does not say which problem set to open: give it the custom parameters "
                + "set=<slug> (and problem=<key>), or a target link URI ending in /learn/<set>[/<problem>]; "
                + "an instructor can also pick one with Deep Linking");
    }
}
