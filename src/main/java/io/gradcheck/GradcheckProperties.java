package io.gradcheck;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings (application.properties, or environment variables such as
 * GRADCHECK_SECURITY_INSTRUCTOR_KEYS).
 *
 * @param security   API keys: comma-separated lists; none configured means no one has that role
 * @param problemSets where the problem-set YAML files are read from at start-up
 */
@ConfigurationProperties("gradcheck")
public record GradcheckProperties(Security security, ProblemSets problemSets) {

    public GradcheckProperties {
        security = security == null ? new Security(List.of(), List.of()) : security;
        problemSets = problemSets == null ? new ProblemSets("problem-sets") : problemSets;
    }

    public record Security(List<String> instructorKeys, List<String> lmsKeys) {
        public Security {
            instructorKeys = instructorKeys == null ? List.of() : instructorKeys.stream().map(String::trim)
                    .filter(k -> !k.isEmpty()).toList();
            lmsKeys = lmsKeys == null ? List.of() : lmsKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        }
    }

    public record ProblemSets(String directory) {
    }
}
