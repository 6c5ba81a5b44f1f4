package dev.pulse.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query router: metric, ad-hoc and SQL queries over Druid, behind a Redis cache. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryRouterApplication.class, args);
    }
}
