package org.tre.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one executable: every role in one JVM on the embedded store unless a profile says otherwise. */
@SpringBootApplication(scanBasePackages = "org.tre")
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
