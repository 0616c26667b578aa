package org.tre.api.roles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start which roles this instance runs, and warns of a split that has no bus to cross. */
@Component
public class RoleAnnouncement implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAnnouncement.class);

    private final Environment environment;

    public RoleAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Roles roles = Roles.of(environment);
        boolean axonServer = environment.getProperty("axon.axonserver.enabled", Boolean.class, false);
        LOG.info("Running {} on {}", roles, axonServer ? "Axon Server" : "the local buses");
        if (roles.split() && !axonServer) {
            LOG.warn("Running {} without Axon Server: commands for the roles not in this JVM have no handler; "
                    + "add the axonserver profile", roles);
        }
    }
}
