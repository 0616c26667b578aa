package org.tre.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.tre.api.roles.RoleScanFilter;

/**
 * The one executable: every role in one JVM on the embedded store unless a profile says otherwise.
 * {@code @SpringBootApplication} spelled out, to add the filter that leaves other roles' parts out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.tre", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = RoleScanFilter.class)})
public class TreApplication {

    public static void main(String[] args) {
        disableUpdateChecks();
        SpringApplication.run(TreApplication.class, args);
    }

    /**
     * A control plane for sensitive data makes no calls home; Axon's update checker would, and on the
     * closed networks TREs run in it only fills the log with failures.
     */
    public static void disableUpdateChecks() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
