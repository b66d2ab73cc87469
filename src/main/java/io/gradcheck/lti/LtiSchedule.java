package io.gradcheck.lti;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the passback worker and forgets expired login states and nonces, on every replica. Off with
 * {@code gradcheck.lti.passback.scheduled=false} (tests run the worker themselves, at the instants they choose).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "gradcheck.lti.passback.scheduled", havingValue = "true", matchIfMissing = true)
class LtiSchedule {

    private static final Logger log = LoggerFactory.getLogger(LtiSchedule.class);

    private final PassbackWorker worker;
    private final LoginStates states;

    LtiSchedule(PassbackWorker worker, LoginStates states) {
        this.worker = worker;
        this.states = states;
    }

    @Scheduled(fixedDelayString = "${gradcheck.lti.passback.interval:10s}",
            initialDelayString = "${gradcheck.lti.passback.interval:10s}")
    void passbacks() {
        try {
            worker.runOnce();
        } catch (RuntimeException e) { // the database is away, say: the next run tries again
            log.warn("LTI passback run failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        try {
            states.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("purging expired LTI login states failed: {}", e.toString());
        }
    }
}
