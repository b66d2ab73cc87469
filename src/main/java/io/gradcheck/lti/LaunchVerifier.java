package io.gradcheck.lti;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuedAtValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Verifies a platform's id_token with Spring Security's JOSE support: the RS256 signature by the key its {@code kid}
 * names in the platform's JWKS, then {@code iss}, {@code aud} (and {@code azp} when aud lists several), {@code exp}
 * and {@code iat}, the nonce bound to the login state, a registered deployment, LTI version 1.3.0 and a known
 * message type. Any failure is an {@link LtiRefusal} saying which check failed.
 */
@Component
class LaunchVerifier {

    /** Clocks of an LMS and the tool differ a little; a minute is the usual allowance. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Clock clock;
    /** One decoder per JWKS URL: it caches the platform's keys and refetches them for an unknown kid. */
    private final Map<String, NimbusJwtDecoder> decoders = new ConcurrentHashMap<>();

    LaunchVerifier(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Jwt verify(String idToken, Platform platform, String expectedNonce) {
        if (idToken == null || idToken.isBlank()) {
            throw LtiRefusal.badRequest("the launch has no id_token; start it again from the course in your LMS");
        }
        NimbusJwtDecoder decoder = decoders.computeIfAbsent(platform.jwksUrl(),
                LaunchVerifier::decoder);
        Jwt jwt;
        try {
            jwt = decoder.decode(idToken);
        } catch (BadJwtException e) {
            throw LtiRefusal.unauthorized("the id_token's signature does not verify against the platform's keys ("
                    + platform.jwksUrl() + "): " + e.getMessage());
        } catch (JwtException e) {
            throw new LtiRefusal(502, "The LMS's keys could not be read", "the platform's key set at "
                    + platform.jwksUrl() + " could not be read: " + e.getMessage());
        }
        OAuth2TokenValidatorResult result = validator(platform, expectedNonce).validate(jwt);
        if (result.hasErrors()) {
            throw LtiRefusal.unauthorized(describe(result));
        }
        return jwt;
    }

    /** Signature only: the claims are validated below with this tool's clock and LTI's own rules. */
    private static NimbusJwtDecoder decoder(String jwksUrl) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl).build();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder;
    }

    private OAuth2TokenValidator<Jwt> validator(Platform platform, String expectedNonce) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        JwtIssuedAtValidator issuedAt = new JwtIssuedAtValidator(true);
        issuedAt.setClock(clock);
        issuedAt.setClockSkew(CLOCK_SKEW);
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(timestamps);
        all.add(issuedAt);
        all.add(new JwtIssuerValidator(platform.issuer()));
        all.add(audience(platform.clientId()));
        all.add(claim("nonce", v -> expectedNonce.equals(v),
                "the nonce is not the one this login issued: the token was made for another login, or replayed"));
        all.add(claim(LtiClaims.DEPLOYMENT_ID, v -> platform.deploymentIds().contains(String.valueOf(v)),
                "the deployment is not registered for this platform (known: " + platform.deploymentIds()
                        + "); an administrator adds it with PUT /api/v1/lti/platforms/" + platform.id()));
        all.add(claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION::equals,
                "the LTI version must be " + LtiClaims.LTI_VERSION));
        all.add(claim(LtiClaims.MESSAGE_TYPE,
                v -> LtiClaims.RESOURCE_LINK_REQUEST.equals(v) || LtiClaims.DEEP_LINKING_REQUEST.equals(v),
                "the message type must be " + LtiClaims.RESOURCE_LINK_REQUEST + " or "
                        + LtiClaims.DEEP_LINKING_REQUEST));
        all.add(claim("sub", v -> v instanceof String s && !s.isBlank(), "the token names no user (sub)"));
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    /** aud holds our client id; when it lists several audiences, azp must be our client id (OIDC core 3.1.3.7). */
    private static OAuth2TokenValidator<Jwt> audience(String clientId) {
        return jwt -> {
            List<String> aud = jwt.getAudience();
            if (aud == null || !aud.contains(clientId)) {
                return failure("the token's audience " + aud + " is not this tool's client id " + clientId);
            }
            String azp = jwt.getClaimAsString("azp");
            if ((aud.size() > 1 || azp != null) && !clientId.equals(azp)) {
                return failure("the token has several audiences and its azp (" + azp + ") is not this tool's client "
                        + "id " + clientId);
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static <T> OAuth2TokenValidator<Jwt> claim(String name, java.util.function.Predicate<T> test,
            String message) {
        JwtClaimValidator<T> v = new JwtClaimValidator<>(name, value -> value != null && test.test(value));
        return jwt -> v.validate(jwt).hasErrors() ? failure(message) : OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String message) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", message, null));
    }

    private static String describe(OAuth2TokenValidatorResult result) {
        return String.join("; ", result.getErrors().stream().map(e -> e.getDescription()).toList());
    }
}
