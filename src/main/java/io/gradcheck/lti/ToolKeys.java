package io.gradcheck.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tool's own RSA keys, kept in the database so every replica signs with the same key and a restart keeps it.
 * The newest key signs; the previous one stays published so that what it signed still verifies after a rotation.
 */
@Service
public class ToolKeys {

    private final JdbcClient db;
    private final Clock clock;

    ToolKeys(JdbcClient db, ObjectProvider<Clock> clock) {
        this.db = db;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The published keys, newest first: the signing key and the one before it. */
    public List<RSAKey> published() {
        List<RSAKey> keys = db.sql("select private_key from lti_tool_key where not retired "
                + "order by seq desc").query((rs, n) -> parse(rs.getString(1))).list();
        if (keys.isEmpty()) {
            generate();
            return published();
        }
        return keys;
    }

    public RSAKey signingKey() {
        return published().get(0);
    }

    /** The public JWK set served at /lti/jwks. */
    public JWKSet jwks() {
        return new JWKSet(published().stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Signs these claims with the current key (RS256, its kid in the header). */
    public String sign(JwtClaimsSet claims) {
        RSAKey key = signingKey();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** A decoder for what this tool signed itself (any published key); callers add their own validators. */
    public NimbusJwtDecoder ownDecoder() {
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(jwks())).build();
    }

    /** Makes a new signing key; the previous one stays published, older ones are retired. */
    @Transactional
    public RSAKey rotate() {
        List<String> keep = db.sql("select kid from lti_tool_key where not retired order by seq desc")
                .query(String.class).list();
        for (int i = 1; i < keep.size(); i++) {
            db.sql("update lti_tool_key set retired = true where kid = ?").param(keep.get(i)).update();
        }
        return generate();
    }

    /** The first start makes the first key. Two replicas starting together may both make one: both are published. */
    private RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
            db.sql("insert into lti_tool_key (kid, private_key, public_key, created_at, retired) "
                    + "values (?, ?, ?, ?, false)")
                    .params(key.getKeyID(), key.toJSONString(), key.toPublicJWK().toJSONString(),
                            Times.sql(clock.instant()))
                    .update();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(String jwk) {
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored tool key cannot be read", e);
        }
    }
}
