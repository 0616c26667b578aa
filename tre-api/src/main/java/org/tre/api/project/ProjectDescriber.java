package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.query.dispensal.DispensalJobs;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.directory.token.Caller;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.SpendingLimits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /project-xxxx/describe} output, shared with {@code /org-xxxx/findProjects}. The input is
 * {@code fields} (as TRE describe, DECISIONS.md §9) and the spending keys org-api.txt lists for
 * findProjects' describe, each a boolean that adds or drops that one field.
 */
@Component
public class ProjectDescriber {

    /** Every field in output order; the usage fields only appear when asked for. */
    static final List<String> ALL_FIELDS;
    static final List<String> ON_REQUEST = List.of("currentMonthComputeUsage", "currentMonthComputeAvailableBudget",
            "currentMonthEgressBytesUsage", "currentMonthEgressBytesAvailableBudget",
            "currentMonthExpectedStorageUsage", "currentMonthStorageAvailableBudget");
    static final List<String> SPENDING_KEYS = List.of("monthlyComputeLimit", "currentMonthComputeUsage",
            "currentMonthComputeAvailableBudget", "monthlyEgressBytesLimit", "currentMonthEgressBytesUsage",
            "currentMonthEgressBytesAvailableBudget", "monthlyStorageLimit", "currentMonthExpectedStorageUsage",
            "currentMonthStorageAvailableBudget");

    static {
        List<String> all = new ArrayList<>(List.of("class", "name", "summary", "description", "billTo", "region", "tre",
                "treApplication", "treDispensal", "level", "permissions"));
        all.addAll(ProjectFlags.NAMES);
        all.addAll(List.of("tags", "properties", "created", "modified", "dataUsage", "version", "pendingTransfer",
                "monthlyComputeLimit", "monthlyEgressBytesLimit", "monthlyStorageLimit"));
        all.addAll(ON_REQUEST);
        ALL_FIELDS = List.copyOf(all);
    }

    private final ProjectDirectory projects;
    private final DispensalJobs jobs;
    private final ObjectMapper json = new ObjectMapper();

    public ProjectDescriber(ProjectDirectory projects, DispensalJobs jobs) {
        this.projects = projects;
        this.jobs = jobs;
    }

    /** The fields one describe input asks for. */
    public record Selection(Set<String> fields, boolean treOnlyWhenSet) {
    }

    /** The fields a describe input asks for; an unknown field name is InvalidInput. */
    static Selection selection(ProjectInputs.DescribeProjectInput in) {
        Map<String, Boolean> fields = in.fields();
        Set<String> selected = new LinkedHashSet<>();
        boolean treOnlyWhenSet = fields == null;
        if (fields == null) {
            ALL_FIELDS.stream().filter(f -> !ON_REQUEST.contains(f)).forEach(selected::add);
        } else {
            fields.forEach((name, on) -> {
                if (!ALL_FIELDS.contains(name) && !"id".equals(name)) {
                    throw DxException.invalidInput("Unknown describe field '" + name + "'");
                }
                if (on) {
                    selected.add(name);
                }
            });
        }
        if (Boolean.TRUE.equals(in.properties())) {
            selected.add("properties");
        }
        if (Boolean.TRUE.equals(in.permissions())) {
            selected.add("permissions");
        }
        DeclaredInputs.given(in).forEach((key, on) -> {
            if (!SPENDING_KEYS.contains(key)) {
                return;
            }
            if ((Boolean) on) {
                selected.add(key);
            } else {
                selected.remove(key);
            }
        });
        return new Selection(selected, treOnlyWhenSet);
    }

    /**
     * {@code permissions} goes to ADMINISTER holders and the operator only; everyone else sees their own
     * {@code level}.
     */
    public ObjectNode describe(ProjectRecord project, Caller caller, ProjectLevel level, Selection selection) {
        boolean seesPermissions = level == ProjectLevel.ADMINISTER || caller.isOperator();
        ObjectNode out = json.createObjectNode();
        out.put("id", project.id());
        for (String field : ALL_FIELDS) {
            if (!selection.fields().contains(field)) {
                continue;
            }
            if ("permissions".equals(field) && !seesPermissions) {
                continue;
            }
            if ("tre".equals(field) && selection.treOnlyWhenSet() && project.tre() == null) {
                continue;
            }
            // A project of no data access request has neither, and by default does not show them.
            if (("treApplication".equals(field) || "treDispensal".equals(field)) && selection.treOnlyWhenSet()
                    && project.treApplication() == null) {
                continue;
            }
            out.set(field, value(project, field, level));
        }
        return out;
    }

    private JsonNode value(ProjectRecord project, String field, ProjectLevel level) {
        SpendingLimits limits = project.limits();
        if (ProjectFlags.NAMES.contains(field)) {
            return json.valueToTree(project.flag(field));
        }
        Object value = switch (field) {
            case "class" -> "project";
            case "name" -> project.name();
            case "summary" -> project.summary() == null ? "" : project.summary();
            case "description" -> project.description() == null ? "" : project.description();
            case "billTo" -> project.billTo();
            case "region" -> project.region();
            case "tre" -> project.tre();
            case "treApplication" -> project.treApplication();
            case "treDispensal" -> dispensal(project.id());
            case "level" -> level.name();
            case "permissions" -> projects.explicitLevels(project.id());
            case "tags" -> project.tags();
            case "properties" -> project.properties();
            case "created" -> project.created();
            case "modified" -> project.modified();
            case "version" -> project.version();
            case "pendingTransfer" -> project.pendingTransfer();
            case "monthlyComputeLimit" -> limits.monthlyComputeLimit();
            case "monthlyEgressBytesLimit" -> limits.monthlyEgressBytesLimit();
            case "monthlyStorageLimit" -> limits.monthlyStorageLimit();
            // Nothing runs, moves or stores data for money here yet: usage is zero, the budget the whole limit.
            case "currentMonthComputeUsage", "currentMonthEgressBytesUsage" -> 0L;
            // dx prints dataUsage (GB billed for storage) for every project; nothing is billed here.
            case "currentMonthExpectedStorageUsage", "dataUsage" -> 0.0;
            case "currentMonthComputeAvailableBudget" -> limits.monthlyComputeLimit();
            case "currentMonthEgressBytesAvailableBudget" -> limits.monthlyEgressBytesLimit();
            case "currentMonthStorageAvailableBudget" -> limits.monthlyStorageLimit();
            default -> throw new IllegalStateException("No value for describe field " + field);
        };
        return json.valueToTree(value);
    }

    /** The project's latest dispensal (DECISIONS.md §15); null before its first. */
    private Map<String, Object> dispensal(String projectId) {
        return jobs.latestOf(projectId).map(job -> {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("job", job.id());
            out.put("state", job.state());
            out.put("inventoryVersion", job.inventoryVersion());
            out.put("objects", job.objects());
            out.put("started", job.started());
            out.put("finished", job.finished());
            if ("failed".equals(job.state())) {
                out.put("failureReason", job.failureReason());
                out.put("failureMessage", job.failureMessage());
            }
            return out;
        }).orElse(null);
    }
}
