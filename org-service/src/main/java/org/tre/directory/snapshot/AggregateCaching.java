package org.tre.directory.snapshot;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every aggregate is kept in memory between its commands, so a command reads no snapshot and no
 * events (issue #15: loading was a fifth of a command's CPU). That is right only where one JVM
 * handles all commands of an aggregate: the embedded H2 file, which one process holds, and Axon
 * Server, which routes an aggregate's commands to one instance. Several instances sharing one
 * PostgreSQL each write any aggregate, so there the cache is off ({@code tre.aggregate-cache}, see
 * application-postgres.yml): a copy another instance has moved past would decide on stale state.
 * A command that fails takes its aggregate out of the cache, and entries are weak: memory pressure
 * drops them and the next command loads as before.
 */
@Configuration
public class AggregateCaching {

    public static final String NAME = "aggregateCache";

    @Bean(NAME)
    public Cache aggregateCache(@Value("${tre.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
