package org.tre.messages.execution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import java.util.List;
import java.util.Map;

/**
 * Applets (DECISIONS.md §16): an executable kept in a project. Its specifications travel as the JSON
 * text the caller sent ({@code runSpec}, {@code inputSpec}, {@code outputSpec}, {@code access},
 * {@code httpsApp}), since describe gives them back as they were and the run decision reads only a
 * few keys of them.
 */
public final class AppletMessages {

    private AppletMessages() {
    }

    /** The specifications as JSON text; null for one not given. */
    public record AppletSpec(String dxapi, String runSpec, String inputSpec, String outputSpec, String access,
                             String httpsApp) {
    }

    /** Creating an applet needs UPLOAD on the project, and a token that reaches it. */
    public record CreateAppletCommand(@TargetAggregateIdentifier String appletId,
                                      String projectId,
                                      String folder,
                                      String name,
                                      AppletSpec spec,
                                      String title,
                                      String summary,
                                      String description,
                                      List<String> tags,
                                      Map<String, String> properties,
                                      Requester requester) {
    }

    public record AppletCreatedEvent(String appletId,
                                     String projectId,
                                     String folder,
                                     String name,
                                     AppletSpec spec,
                                     String title,
                                     String summary,
                                     String description,
                                     List<String> tags,
                                     Map<String, String> properties,
                                     String createdBy) {
    }
}
