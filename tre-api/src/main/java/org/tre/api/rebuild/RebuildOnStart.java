package org.tre.api.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar tre-api.jar --rebuild-projections} (every rebuildable projection) or
 * {@code --rebuild-projections=tre-views,directory-orgs}: rebuilds before the first request. Without
 * the switch, a rebuild that a crash cut short is run again, so half-built read models never serve.
 */
@Component
@Order(10)
public class RebuildOnStart implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildOnStart.class);

    private final ProjectionRebuilds rebuilds;

    public RebuildOnStart(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("rebuild-projections")) {
            List<String> unfinished = rebuilds.unfinished();
            if (!unfinished.isEmpty()) {
                LOG.warn("A rebuild of {} was cut short; rebuilding them again before serving", unfinished);
                rebuilds.runNow(unfinished);
            }
            return;
        }
        List<String> groups = args.getOptionValues("rebuild-projections").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        rebuilds.runNow(groups);
    }
}
