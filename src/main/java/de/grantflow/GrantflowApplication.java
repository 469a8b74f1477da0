package de.grantflow;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GrantflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(GrantflowApplication.class, args);
    }

    /** The one source of "now" for our code; tests replace it to move through deadlines. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
