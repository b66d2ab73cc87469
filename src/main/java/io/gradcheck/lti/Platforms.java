package io.gradcheck.lti;

import io.gradcheck.errors.Conflict;
import io.gradcheck.errors.NotFound;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Platform registrations: from the API or from configuration, validated the same way. */
@Service
public class Platforms {

    private static final String COLUMNS = "id, issuer, client_id, deployment_ids, auth_login_url, auth_token_url, "
            + "jwks_url, origin";

    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    Platforms(JdbcClient db, JsonMapper json, ObjectProvider<Clock> clock) {
        this.db = db;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a caller gives to register a platform. */
    public record Registration(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
            String authTokenUrl, String jwksUrl) {
    }

    public List<Platform> list() {
        return db.sql("select " + COLUMNS + " from lti_platform order by id").query(this::row).list();
    }

    public Platform get(long id) {
        return db.sql("select " + COLUMNS + " from lti_platform where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFound("there is no LTI platform " + id));
    }

    /** The platforms with this issuer (one LMS may register the tool more than once, with different client ids). */
    public List<Platform> byIssuer(String issuer) {
        return db.sql("select " + COLUMNS + " from lti_platform where issuer = ? order by id").param(issuer)
                .query(this::row).list();
    }

    public Optional<Platform> find(String issuer, String clientId) {
        return db.sql("select " + COLUMNS + " from lti_platform where issuer = ? and client_id = ?")
                .params(issuer, clientId).query(this::row).optional();
    }

    @Transactional
    public Platform create(Registration r, String origin) {
        Registration v = validate(r);
        try {
            db.sql("insert into lti_platform (issuer, client_id, deployment_ids, auth_login_url, auth_token_url, "
                    + "jwks_url, origin, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(v.issuer(), v.clientId(), json.writeValueAsString(v.deploymentIds()), v.authLoginUrl(),
                            v.authTokenUrl(), v.jwksUrl(), origin, Times.sql(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(v);
        }
        return find(v.issuer(), v.clientId()).orElseThrow();
    }

    @Transactional
    public Platform replace(long id, Registration r) {
        get(id);
        Registration v = validate(r);
        try {
            db.sql("update lti_platform set issuer = ?, client_id = ?, deployment_ids = ?, auth_login_url = ?, "
                    + "auth_token_url = ?, jwks_url = ? where id = ?")
                    .params(v.issuer(), v.clientId(), json.writeValueAsString(v.deploymentIds()), v.authLoginUrl(),
                            v.authTokenUrl(), v.jwksUrl(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(v);
        }
        return get(id);
    }

    /** Removes the platform with its launch contexts and pending passbacks. */
    @Transactional
    public void delete(long id) {
        get(id);
        db.sql("delete from lti_passback where link_id in (select id from lti_link where platform_id = ?)").param(id)
                .update();
        db.sql("delete from lti_line_item where link_id in (select id from lti_link where platform_id = ?)").param(id)
                .update();
        db.sql("delete from lti_link where platform_id = ?").param(id).update();
        db.sql("delete from lti_login_state where platform_id = ?").param(id).update();
        db.sql("delete from lti_platform where id = ?").param(id).update();
    }

    /** Creates or updates a platform named in configuration (several replicas may do this at once). */
    @Transactional
    public void upsertConfigured(Registration r) {
        Registration v = validate(r);
        Optional<Platform> existing = find(v.issuer(), v.clientId());
        if (existing.isPresent()) {
            replace(existing.get().id(), v);
        } else {
            try {
                create(v, "config");
            } catch (Conflict raced) {
                // another replica registered it a moment ago: the same values
            }
        }
    }

    private static Conflict duplicate(Registration v) {
        return new Conflict("a platform with issuer " + v.issuer() + " and client id " + v.clientId()
                + " is already registered; change it with PUT /api/v1/lti/platforms/{id}");
    }

    /** Every field is required; URLs must be absolute http(s); at least one deployment id. */
    static Registration validate(Registration r) {
        if (r == null) {
            throw new InvalidLtiRequest(List.of("the body must be a platform: issuer, clientId, deploymentIds, "
                    + "authLoginUrl, authTokenUrl, jwksUrl"));
        }
        List<String> errors = new ArrayList<>();
        String issuer = required(r.issuer(), "issuer", errors);
        String clientId = required(r.clientId(), "clientId", errors);
        List<String> deployments = r.deploymentIds() == null ? List.of()
                : r.deploymentIds().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct()
                        .toList();
        if (deployments.isEmpty()) {
            errors.add("deploymentIds must list at least one deployment id (the LMS shows it when the tool is "
                    + "deployed)");
        }
        String login = url(r.authLoginUrl(), "authLoginUrl", errors);
        String token = url(r.authTokenUrl(), "authTokenUrl", errors);
        String jwks = url(r.jwksUrl(), "jwksUrl", errors);
        if (!errors.isEmpty()) {
            throw new InvalidLtiRequest(errors);
        }
        return new Registration(issuer, clientId, deployments, login, token, jwks);
    }

    private static String required(String value, String field, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + " is required");
            return null;
        }
        if (value.length() > 500) {
            errors.add(field + " is longer than 500 characters");
        }
        return value.strip();
    }

    private static String url(String value, String field, List<String> errors) {
        String v = required(value, field, errors);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            if (!u.isAbsolute() || u.getHost() == null
                    || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                errors.add(field + " must be an absolute http(s) URL, such as https://canvas.instructure.com/api/lti/"
                        + "authorize_redirect; got " + v);
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(field + " is not a URL: " + e.getReason());
        }
        return v;
    }

    private Platform row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Platform(rs.getLong("id"), rs.getString("issuer"), rs.getString("client_id"),
                json.readValue(rs.getString("deployment_ids"), new TypeReference<List<String>>() {
                }), rs.getString("auth_login_url"), rs.getString("auth_token_url"), rs.getString("jwks_url"),
                rs.getString("origin"));
    }
}
