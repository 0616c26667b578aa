package org.tre.directory.dataobject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectCommand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Writes that span more than one command or a table beside the event store. Each runs in one
 * transaction, which the commands' own units of work join: a clone or removal of many objects is all
 * or nothing, and a file's content commits with its creation event or not at all.
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

    /** Answers the objects that were already in the destination. */
    public List<String> cloneAll(String sourceProject, String destinationProject, List<String> objectIds,
                                 String clonedBy) {
        return transaction.execute(tx -> {
            List<String> existed = new ArrayList<>();
            for (String objectId : new LinkedHashSet<>(objectIds)) {
                Boolean added = commands.sendAndWait(new CloneDataObjectCommand(objectId, sourceProject,
                        destinationProject, clonedBy));
                if (!Boolean.TRUE.equals(added)) {
                    existed.add(objectId);
                }
            }
            return existed;
        });
    }

    public void removeAll(String projectId, List<String> objectIds, String removedBy) {
        transaction.executeWithoutResult(tx -> {
            for (String objectId : new LinkedHashSet<>(objectIds)) {
                commands.sendAndWait(new RemoveDataObjectCommand(objectId, projectId, removedBy));
            }
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
