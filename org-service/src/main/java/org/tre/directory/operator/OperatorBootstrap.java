package org.tre.directory.operator;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tre.directory.audit.AuditContext;
import org.tre.directory.token.AuthTokens;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;


/**
 * Makes sure the operator exists and holds the configured token (DECISIONS.md §11): the value of
 * TRE_ADMIN_TOKEN, or else a token generated once, kept in {@code <data dir>/admin-token} readable by
 * the owner only, and printed once, on the start that made it.
 */
@Component
@Order(0)
public class OperatorBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final CommandGateway commands;
    private final UserDirectory users;
    private final AuthTokens tokens;
    private final Path dataDir;
    private final String configuredToken;

    public OperatorBootstrap(CommandGateway commands, UserDirectory users, AuthTokens tokens,
                             @Value("${tre.data-dir}") String dataDir,
                             @Value("${TRE_ADMIN_TOKEN:}") String configuredToken) {
        this.commands = commands;
        this.users = users;
        this.tokens = tokens;
        this.dataDir = Path.of(dataDir);
        this.configuredToken = configuredToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditContext.runAs(Operator.USER_ID, "startup", () -> {
            if (users.find(Operator.USER_ID).isEmpty()) {
                commands.sendAndWait(new CreateUserCommand(Operator.USER_ID, Operator.USERNAME, null, "Operator",
                        null, null, UserKind.OPERATOR, Operator.USER_ID, null));
            }
            tokens.installOperatorToken(operatorToken());
            return null;
        });
    }

    private String operatorToken() {
        if (!configuredToken.isBlank()) {
            LOG.info("Operator token taken from TRE_ADMIN_TOKEN");
            return configuredToken.trim();
        }
        Path file = dataDir.resolve("admin-token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            String token = AuthTokens.newSecret();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            // Printed straight to the console, once, and never through the logging system, whose
            // output is shipped and kept.
            System.out.println("Operator token for user-admin (also in " + file.toAbsolutePath() + "): " + token);
            return token;
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("The data directory must be on a POSIX file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the operator token in " + file, e);
        }
    }

}
