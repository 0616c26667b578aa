package org.tre.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.RunningService;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands find their aggregate as with Axon's annotation resolver, whatever their shape. */
class CommandTargetsTest {

    record RecordCommand(@TargetAggregateIdentifier String treId, String name) {
    }

    record VersionedCommand(@TargetAggregateIdentifier String treId, @TargetAggregateVersion String version) {
    }

    static class FieldCommand {
        @TargetAggregateIdentifier
        private final Object target;

        FieldCommand(Object target) {
            this.target = target;
        }
    }

    static class InheritedFieldCommand extends FieldCommand {
        InheritedFieldCommand(String target) {
            super(target);
        }
    }

    static class MethodCommand {
        private final long number;

        MethodCommand(long number) {
            this.number = number;
        }

        @TargetAggregateIdentifier
        String target() {
            return "tre-" + number;
        }

        @TargetAggregateVersion
        long version() {
            return number;
        }
    }

    record NoTarget(String name) {
    }

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver targets = new CommandTargets();

    @Test
    void aCommandOfAnyShapeFindsTheAggregateAxonsResolverFinds() {
        List<Object> commands = List.of(new RecordCommand("tre-a", "A"), new VersionedCommand("tre-b", "7"),
                new FieldCommand("tre-c"), new InheritedFieldCommand("tre-d"), new MethodCommand(12));
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            // Twice: the second answer comes from what the first found.
            for (int call = 0; call < 2; call++) {
                assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                        .as("%s", command)
                        .isEqualTo(expected);
            }
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new MethodCommand(12))).getVersion())
                .isEqualTo(12L);
    }

    @Test
    void aCommandWithoutATargetIsRefusedAsAxonRefusesIt() {
        for (Object command : List.of(new NoTarget("n"), new RecordCommand(null, "A"))) {
            assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> axon.resolveTarget(GenericCommandMessage.asCommandMessage(command))));
        }
    }

    @Test
    void aVersionThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new VersionedCommand("tre-b", "seven"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value provided for the version is not a number.");
    }

    @Test
    void theServicesAggregatesUseIt(@TempDir Path dataDir) {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir)) {
            assertThat(service.bean(org.axonframework.config.Configuration.class)
                    .getComponent(CommandTargetResolver.class))
                    .isInstanceOf(CommandTargets.class);
        }
    }

    private static String messageOf(Runnable refused) {
        try {
            refused.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Axon's resolver accepted the command");
    }
}
