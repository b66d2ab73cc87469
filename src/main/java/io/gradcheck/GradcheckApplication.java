package io.gradcheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GradcheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(GradcheckApplication.class, args);
    }
}
