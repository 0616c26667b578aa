package org.tre.api.roles;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves out of the component scan what belongs to a role this instance does not run: an aggregate
 * left out subscribes no command handler, so Axon Server routes its commands to the instances that
 * host it; a saga left out starts no processor.
 */
public class RoleScanFilter implements TypeFilter, EnvironmentAware {

    private Roles roles;

    @Override
    public void setEnvironment(Environment environment) {
        this.roles = Roles.of(environment);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return Roles.owner(reader.getClassMetadata().getClassName(), reader.getAnnotationMetadata().getAnnotationTypes())
                .map(role -> !roles.has(role))
                .orElse(false);
    }
}
