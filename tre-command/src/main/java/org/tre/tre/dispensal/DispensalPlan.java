package org.tre.tre.dispensal;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.TreEvents.DispensedObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a dispensal copies (DECISIONS.md §15 "Dispensal"): the inventory version's {@code dataset}
 * record, its {@code file} (the file inventory), and each file the file inventory names. The file
 * inventory is a TSV whose header has a {@code file} column of file ids in the file inventory's project
 * and, optionally, a {@code dataTypeGroup} column: a file of a group goes only to a request whose
 * fields include one of that group's fields; a file of a group the data type groups file does not name
 * goes to nobody. Each object once, in that order.
 */
public final class DispensalPlan {

    static final String FILE_COLUMN = "file";
    static final String GROUP_COLUMN = "dataTypeGroup";

    private DispensalPlan() {
    }

    public static List<DispensedObject> objects(Inventory inventory, Collection<String> fields,
                                                DispensalSources sources) {
        if (inventory == null) {
            throw DxException.invalidState("The TRE has no active inventory to dispense");
        }
        Map<String, DispensedObject> objects = new LinkedHashMap<>();
        add(objects, inventory.dataset());
        ObjectRef file = inventory.file();
        add(objects, file);
        if (file == null || file.isEmpty()) {
            return List.copyOf(objects.values());
        }
        String tsv = sources.fileContent(file.project(), file.id()).orElseThrow(() -> DxException.notFound(
                "The file inventory " + file.id() + " is no longer in " + file.project()));
        List<String[]> rows = rows(tsv);
        if (rows.isEmpty()) {
            return List.copyOf(objects.values());
        }
        List<String> header = List.of(rows.get(0));
        int fileColumn = header.indexOf(FILE_COLUMN);
        if (fileColumn < 0) {
            throw DxException.invalidInput("The file inventory " + file.id() + " has no '" + FILE_COLUMN
                    + "' column");
        }
        int groupColumn = header.indexOf(GROUP_COLUMN);
        Map<String, Set<String>> groups = groupColumn < 0 ? Map.of() : groupsOf(inventory, sources);
        for (String[] row : rows.subList(1, rows.size())) {
            String id = cell(row, fileColumn);
            if (id.isEmpty()) {
                continue;
            }
            String group = groupColumn < 0 ? "" : cell(row, groupColumn);
            if (group.isEmpty() || groups.getOrDefault(group, Set.of()).stream().anyMatch(fields::contains)) {
                objects.putIfAbsent(id, new DispensedObject(file.project(), id));
            }
        }
        return List.copyOf(objects.values());
    }

    private static Map<String, Set<String>> groupsOf(Inventory inventory, DispensalSources sources) {
        ObjectRef ref = inventory.dataTypeGroups();
        return ref == null || ref.isEmpty() ? Map.of() : sources.dataTypeGroups(ref);
    }

    private static void add(Map<String, DispensedObject> objects, ObjectRef ref) {
        if (ref != null && !ref.isEmpty()) {
            objects.putIfAbsent(ref.id(), new DispensedObject(ref.project(), ref.id()));
        }
    }

    private static List<String[]> rows(String tsv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : tsv.split("\r?\n")) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static String cell(String[] row, int column) {
        return column < row.length ? row[column].trim() : "";
    }
}
