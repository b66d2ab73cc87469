package io.gradcheck.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OIDC login state, kept server-side rather than in a cookie: a tool runs in an iframe of the LMS, where browsers
 * drop third-party cookies. Each state is bound to its nonce, lives ten minutes and is consumed by one launch.
 * Nonces of accepted launches are remembered until their token expires, so a replayed id_token is refused.
 */
@Service
public class LoginStates {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Clock clock;

    LoginStates(JdbcClient db, ObjectProvider<Clock> clock) {
        this.db = db;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public record Started(String state, String nonce) {
    }

    public record Pending(String nonce, long platformId) {
    }

    public Started start(long platformId) {
        Started s = new Started(random(), random());
        db.sql("insert into lti_login_state (state, nonce, platform_id, expires_at) values (?, ?, ?, ?)")
                .params(s.state(), s.nonce(), platformId, Times.sql(clock.instant().plus(STATE_LIFETIME))).update();
        return s;
    }

    /**
     * Takes the state out of the store, whatever the launch's outcome: a state is good for one try. Empty when it
     * is unknown, already used or expired. Of two requests racing with one state, only one deletes the row.
     */
    @Transactional
    public Optional<Pending> consume(String state) {
        if (state == null || state.isBlank() || state.length() > 100) {
            return Optional.empty();
        }
        Optional<Pending> found = db.sql("select nonce, platform_id, expires_at from lti_login_state where state = ?")
                .param(state)
                .query((rs, n) -> Times.read(rs, "expires_at").isAfter(clock.instant())
                        ? new Pending(rs.getString("nonce"), rs.getLong("platform_id")) : null)
                .optional();
        int deleted = db.sql("delete from lti_login_state where state = ?").param(state).update();
        return deleted == 1 ? found : Optional.empty();
    }

    /** Records a nonce as used; false when it was used before. Call inside the launch's transaction. */
    public boolean useNonce(String issuer, String nonce, Instant tokenExpiry) {
        try {
            return db.sql("insert into lti_used_nonce (issuer, nonce, expires_at) select ?, ?, ? "
                    + "where not exists (select 1 from lti_used_nonce where issuer = ? and nonce = ?)")
                    .params(issuer, nonce, Times.sql(tokenExpiry), issuer, nonce).update() == 1;
        } catch (DuplicateKeyException raced) { // the same nonce accepted at this moment by another request
            return false;
        }
    }

    /** Forgets expired states and nonces (a nonce only matters while its token could still be accepted). */
    @Transactional
    public int purgeExpired() {
        var now = Times.sql(clock.instant());
        return db.sql("delete from lti_login_state where expires_at < ?").param(now).update()
                + db.sql("delete from lti_used_nonce where expires_at < ?").param(now).update();
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
