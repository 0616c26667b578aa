package org.tre.api.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.NameFilter;
import org.tre.api.protocol.TermGrammar;
import org.tre.api.protocol.TimeRange;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Paging;
import org.tre.directory.app.AppProjection;
import org.tre.directory.app.AppProjection.AppRecord;
import org.tre.directory.app.AppVisibility;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.app.AppMessages.CreateAppCommand;
import org.tre.api.app.AppInputs.DescribeAppInput;
import org.tre.api.app.AppInputs.FindAppsInput;
import org.tre.api.app.AppInputs.FindGlobalWorkflowsInput;
import org.tre.api.app.AppInputs.NewAppInput;
import org.tre.messages.error.ErrorType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Apps, as far as the platform around the TRE needs them: {@code /app/new}, describe, and the
 * searches {@code dx} calls ({@code /system/findApps}, {@code /org-xxxx/findApps},
 * {@code /system/findGlobalWorkflows}). Who may create an app is the App aggregate's rule, who may
 * read one AppVisibility's; the routes read the input and shape the answer.
 */
@Component
public class AppRoutes implements DxRoutes.Provider {

    private final CommandGateway commands;
    private final AppProjection apps;
    private final AppVisibility visibility;
    private final Nonces nonces;
    private final ObjectMapper json = new ObjectMapper();

    public AppRoutes(CommandGateway commands, AppProjection apps, AppVisibility visibility, Nonces nonces) {
        this.commands = commands;
        this.apps = apps;
        this.visibility = visibility;
        this.nonces = nonces;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("app/new", NewAppInput.class, this::newApp,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("app-*/describe", DescribeAppInput.class, (r, in) -> describe(r),
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("system/findApps", FindAppsInput.class, this::findApps)
                .post("org-*/findApps", FindAppsInput.class, this::findOrgApps,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("system/findGlobalWorkflows", FindGlobalWorkflowsInput.class, this::findGlobalWorkflows);
    }

    ObjectNode newApp(DxRequest request, NewAppInput in) {
        String name = in.name();
        String caller = request.caller().userId();
        List<String> authorized = in.authorizedUsers() == null ? List.of() : List.copyOf(in.authorizedUsers());
        List<String> developers = in.developers() == null ? new ArrayList<>() : new ArrayList<>(in.developers());
        if (!developers.contains(caller)) {
            developers.add(0, caller);
        }
        List<String> categories = in.categories() == null ? List.of() : List.copyOf(in.categories());
        String title = in.title() == null ? name : in.title();
        String summary = in.summary() == null ? "" : in.summary();
        String description = in.description() == null ? "" : in.description();
        boolean published = Boolean.TRUE.equals(in.published());
        List<String> finalDevelopers = List.copyOf(developers);
        return nonces.once(request, "app/new", () -> {
            String appId = EntityIds.generate("app");
            commands.sendAndWait(new CreateAppCommand(appId, name, in.version(), in.billTo(), title, summary, description,
                    published, authorized, finalDevelopers, categories, request.caller().requester()));
            return json.createObjectNode().put("id", appId);
        });
    }

    ObjectNode describe(DxRequest request) {
        return render(visibility.describable(request.entityId(), request.caller().requester()), request.caller());
    }

    ObjectNode findApps(DxRequest request, FindAppsInput in) {
        return find(request, in, () -> visibility.visibleTo(request.caller().requester()));
    }

    ObjectNode findOrgApps(DxRequest request, FindAppsInput in) {
        return find(request, in, () -> visibility.catalogueOf(request.entityId(), request.caller().requester()));
    }

    /** No global workflows exist here; the route answers the paging contract so {@code dx describe org} works. */
    ObjectNode findGlobalWorkflows(DxRequest request, FindGlobalWorkflowsInput in) {
        Paging.of(in.starting(), in.limit(), "id");
        ObjectNode out = json.createObjectNode();
        out.set("results", json.createArrayNode());
        out.putNull("next");
        return out;
    }

    /**
     * The search both find routes share. {@code scopeCheck} runs once the input is read: it looks up the
     * org and the caller's rights, which DECISIONS.md §1 puts after the input's shape. The filters'
     * grammars read their part of the body themselves; the declared input has fixed its JSON types.
     */
    private ObjectNode find(DxRequest request, FindAppsInput in, Supplier<Predicate<AppRecord>> scopeCheck) {
        DxInput body = request.input();
        Predicate<String> name = NameFilter.of(body, "name");
        Predicate<java.util.Collection<String>> category = in.category() == null || in.category().isNull()
                ? c -> true : TermGrammar.of(in.category(), "category");
        boolean allVersions = Boolean.TRUE.equals(in.allVersions());
        Optional<Boolean> published = Optional.ofNullable(in.published());
        Optional<String> createdBy = Optional.ofNullable(in.createdBy());
        Optional<String> developer = Optional.ofNullable(in.developer());
        Optional<String> authorizedUser = Optional.ofNullable(in.authorizedUser());
        Predicate<Long> modified = TimeRange.of(body, "modified");
        Predicate<Long> created = TimeRange.of(body, "created");
        boolean describe = Describe.requested(in.describe());
        Paging paging = Paging.of(in.starting(), in.limit(), "id");
        Predicate<AppRecord> scope = scopeCheck.get();

        List<AppRecord> all = apps.all();
        Set<String> defaults = allVersions ? null : defaultVersions(all);
        List<AppRecord> matching = all.stream()
                .filter(scope)
                .filter(app -> defaults == null || defaults.contains(app.id()))
                .filter(app -> name.test(app.name()))
                .filter(app -> category.test(app.categories()))
                .filter(app -> published.isEmpty() || published.get() == app.published())
                .filter(app -> createdBy.isEmpty() || createdBy.get().equals(app.createdBy()))
                .filter(app -> developer.isEmpty() || app.developers().contains(developer.get()))
                .filter(app -> authorizedUser.isEmpty() || app.authorizedUsers().contains(authorizedUser.get()))
                .filter(app -> modified.test(app.modified()) && created.test(app.created()))
                .filter(app -> paging.startingAt(app.id()))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (AppRecord app : paging.page(matching)) {
            ObjectNode result = results.addObject().put("id", app.id());
            if (describe) {
                result.set("describe", render(app, request.caller()));
            }
        }
        return paging.answer(results, matching, AppRecord::id, json);
    }

    /**
     * The version tagged "default" of each app name: its newest published version, or its newest
     * version while none is published. Published versions come first because the default used to be
     * simply the newest version, so a developer's new unpublished draft hid the published app from
     * every one of its authorized users (they may not see the draft, and allVersions is off).
     */
    private static Set<String> defaultVersions(List<AppRecord> all) {
        Comparator<AppRecord> precedence = Comparator.comparing(AppRecord::published)
                .thenComparingLong(AppRecord::created).thenComparing(AppRecord::id);
        Map<String, AppRecord> newest = new LinkedHashMap<>();
        for (AppRecord app : all) {
            newest.merge(app.name(), app, (a, b) -> precedence.compare(a, b) >= 0 ? a : b);
        }
        return newest.values().stream().map(AppRecord::id).collect(Collectors.toSet());
    }

    private ObjectNode render(AppRecord app, Caller caller) {
        ObjectNode out = json.createObjectNode();
        out.put("id", app.id());
        out.put("class", "app");
        out.put("name", app.name());
        out.put("version", app.version());
        out.put("title", app.title());
        out.put("summary", app.summary());
        out.put("description", app.description());
        out.put("billTo", app.billTo());
        out.put("createdBy", app.createdBy());
        out.put("created", app.created());
        out.put("modified", app.modified());
        out.put("published", app.published());
        out.put("isDeveloperFor", app.developers().contains(caller.userId()));
        out.set("categories", json.valueToTree(app.categories()));
        out.set("developers", json.valueToTree(app.developers()));
        out.set("authorizedUsers", json.valueToTree(app.authorizedUsers()));
        return out;
    }
}
