package io.gradcheck.lti;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up: the tool's first key is made if there is none, and platforms from configuration are registered. */
@Component
class LtiStartup {

    private final ToolKeys keys;
    private final Platforms platforms;
    private final LtiProperties properties;

    LtiStartup(ToolKeys keys, Platforms platforms, LtiProperties properties) {
        this.keys = keys;
        this.platforms = platforms;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        keys.signingKey();
        for (LtiProperties.PlatformSettings p : properties.platforms()) {
            platforms.upsertConfigured(new Platforms.Registration(p.issuer(), p.clientId(), p.deploymentIds(),
                    p.authLoginUrl(), p.authTokenUrl(), p.jwksUrl()));
        }
    }
}
