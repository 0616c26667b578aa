package org.tre.directory.dataobject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's creation: its content goes into a table beside the event store, in a transaction that
 * commits only once the creation command has succeeded (where the command runs in this JVM, its unit
 * of work joins that transaction). Clones and removals of many objects are DataObjectBatch's work.
 */
@Component
public class DataObjects {

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final DataObjectDirectory directory;

    public DataObjects(CommandGateway commands, TransactionTemplate transaction, DataObjectDirectory directory) {
        this.commands = commands;
        this.transaction = transaction;
        this.directory = directory;
    }

    /** The command's digest and length must describe {@code content}; use {@link #sha256Hex}. */
    public void create(CreateDataObjectCommand command, String content) {
        transaction.executeWithoutResult(tx -> {
            if (content != null) {
                directory.storeContent(command.objectId(), content);
            }
            commands.sendAndWait(command);
        });
    }

    public static String sha256Hex(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
