package io.gradcheck.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP server's own guards: problem+json for the container's errors, the body reader, and each request's
 * connection where a running check can probe it (ClientConnection).
 */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorValve() {
        return factory -> factory.addContextCustomizers(context -> {
            context.getPipeline().addValve(new ClientConnection.Valve());
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorValve.class.getName());
            }
        });
    }

    /** Right after the request id, before any other filter, so that nothing holds a thread while a body trickles in. */
    @Bean
    FilterRegistrationBean<BodyReader> bodyReader(HttpLimits limits) {
        FilterRegistrationBean<BodyReader> registration = new FilterRegistrationBean<>(new BodyReader(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setAsyncSupported(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
