package io.gradcheck.lti.web;

import io.gradcheck.lti.LtiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The tool's public URLs: from gradcheck.lti.base-url, or else from the request being served. */
@Component
class ToolUrls {

    private final LtiProperties properties;

    ToolUrls(LtiProperties properties) {
        this.properties = properties;
    }

    String base() {
        return properties.baseUrl().isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : properties.baseUrl();
    }

    String launch() {
        return base() + "/lti/launch";
    }
}
