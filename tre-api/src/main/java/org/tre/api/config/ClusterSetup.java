package org.tre.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/**
 * Several instances on one database: each claims the side-effect processors' segments in the token
 * store under its own node id, so no event's side effect runs in two instances. The id defaults to
 * the JVM's name (pid@host); {@code tre.node-id} names it where that is not unique.
 */
@Configuration
public class ClusterSetup {

    @Bean
    public TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
                                 TokenStoreProperties properties, @Value("${tre.node-id:}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId)
                .build();
    }
}
