package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.tre.settings.TreSettings;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreMatchers.someEvent;
import static org.tre.tre.support.TreWorld.*;

/**
 * tre-api.md "TRE States": every cell of its settings table, through every command that changes the
 * row's setting. A "Yes" cell changes the TRE; a "No" cell is InvalidState and changes nothing.
 */
class TreSettingsTableTest {

    /**
     * The table as tre-api.md writes it, columns draft, amending, active, with the rows DECISIONS.md
     * §3 (summary, allowSupportAccess, supportOrg) and §5 (updating a step) add.
     */
    private static final Map<TreSettings, String> SPEC = new LinkedHashMap<>();

    static {
        SPEC.put(TreSettings.NAME_AND_DESCRIPTION, "Yes Yes Yes");
        SPEC.put(TreSettings.SUMMARY, "Yes Yes Yes");
        SPEC.put(TreSettings.ALLOW_SUPPORT_ACCESS, "Yes Yes Yes");
        SPEC.put(TreSettings.REGION_AND_BILL_TO, "Yes No No");
        SPEC.put(TreSettings.SUPPORT_ORG, "Yes No No");
        SPEC.put(TreSettings.CUSTOMIZED_RATE_CARD_AND_URL, "Yes No No");
        SPEC.put(TreSettings.INVENTORY, "Yes Yes No");
        SPEC.put(TreSettings.POLICIES, "Yes Yes Yes");
        SPEC.put(TreSettings.USER_MANAGEMENT, "Yes Yes Yes");
        SPEC.put(TreSettings.ADD_OR_REMOVE_REVIEW_STEPS, "Yes No No");
        SPEC.put(TreSettings.UPDATE_REVIEW_STEPS, "Yes Yes Yes");
        SPEC.put(TreSettings.ADD_OR_REMOVE_REVIEWERS, "Yes Yes Yes");
    }

    private static final List<Lifecycle> COLUMNS = List.of(Lifecycle.DRAFT, Lifecycle.AMENDING, Lifecycle.ACTIVE);

    private FixtureConfiguration<Tre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        fixture.registerInjectableResource(directory());
    }

    private static UpdateTreCommand update(String name, String description, String summary, String billTo,
                                           String region, boolean supportOrgGiven, String supportOrg,
                                           Boolean allowSupportAccess, Boolean customizedRateCard,
                                           Boolean customizedURL) {
        return new UpdateTreCommand(TRE, name, description, summary, billTo, region, supportOrgGiven, supportOrg,
                allowSupportAccess, customizedRateCard, customizedURL, as(ALICE));
    }

    /** The commands that change each row's setting, each sent by ALICE with a full-scope token. */
    private static Map<String, Supplier<Object>> commandsChanging(TreSettings setting) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        switch (setting) {
            case NAME_AND_DESCRIPTION -> {
                commands.put("update name", () -> update("New name", null, null, null, null, false, null, null,
                        null, null));
                commands.put("update description", () -> update(null, "New description", null, null, null, false,
                        null, null, null, null));
            }
            case SUMMARY -> commands.put("update summary", () -> update(null, null, "New summary", null, null, false,
                    null, null, null, null));
            case ALLOW_SUPPORT_ACCESS -> commands.put("update allowSupportAccess", () -> update(null, null, null,
                    null, null, false, null, true, null, null));
            case REGION_AND_BILL_TO -> {
                commands.put("update billTo", () -> update(null, null, null, OTHER_ORG, null, false, null, null,
                        null, null));
                commands.put("update region", () -> update(null, null, null, null, AZURE, false, null, null, null,
                        null));
            }
            case SUPPORT_ORG -> commands.put("update supportOrg", () -> update(null, null, null, null, null, true,
                    null, null, null, null));
            case CUSTOMIZED_RATE_CARD_AND_URL -> {
                commands.put("update customizedRateCard", () -> update(null, null, null, null, null, false, null,
                        null, true, null));
                commands.put("update customizedURL", () -> update(null, null, null, null, null, false, null, null,
                        null, true));
            }
            case INVENTORY -> commands.put("setInventory", () -> new SetInventoryCommand(TRE, inventory("2.0.0"),
                    as(ALICE)));
            case POLICIES -> commands.put("setPolicies", () -> new SetPoliciesCommand(TRE, Map.of("restricted", true),
                    as(ALICE)));
            case USER_MANAGEMENT -> {
                commands.put("addTreAdmins", () -> new AddTreAdminsCommand(TRE, List.of(DAVE), as(ALICE)));
                commands.put("removeTreAdmins", () -> new RemoveTreAdminsCommand(TRE, List.of(BOB), as(ALICE)));
                commands.put("addAuthorizedUsers", () -> new AddAuthorizedUsersCommand(TRE, List.of(EVE),
                        as(ALICE)));
                commands.put("removeAuthorizedUsers", () -> new RemoveAuthorizedUsersCommand(TRE, List.of(FRANK),
                        as(ALICE)));
            }
            case ADD_OR_REMOVE_REVIEW_STEPS -> {
                commands.put("addApplicationReviewStep", () -> new AddApplicationReviewStepCommand(TRE, STEP2,
                        "Science", "Scientific review", as(ALICE)));
                commands.put("removeApplicationReviewStep", () -> new RemoveApplicationReviewStepCommand(TRE, STEP,
                        as(ALICE)));
            }
            case UPDATE_REVIEW_STEPS -> commands.put("updateApplicationReviewStep",
                    () -> new UpdateApplicationReviewStepCommand(TRE, STEP, "Ethics board", null, as(ALICE)));
            case ADD_OR_REMOVE_REVIEWERS -> {
                commands.put("addApplicationReviewers", () -> new AddApplicationReviewersCommand(TRE, STEP,
                        List.of(FRANK), as(ALICE)));
                commands.put("removeApplicationReviewers", () -> new RemoveApplicationReviewersCommand(TRE, STEP,
                        List.of(EVE), as(ALICE)));
            }
        }
        return commands;
    }

    /**
     * The state's events (a review step {@code ethics} reviewed by EVE in each), with a support org,
     * BOB as a second admin and FRANK authorized, so that every command above changes something.
     */
    private static List<Object> given(Lifecycle state) {
        List<Object> events = new ArrayList<>(state == Lifecycle.DRAFT ? readyDraft() : state.events());
        events.add(1, new TreUpdatedEvent(TRE, null, null, null, null, null, true, SUPPORT_ORG, null, null, null));
        events.add(new TreAdminsAddedEvent(TRE, List.of(BOB)));
        events.add(new AuthorizedUsersAddedEvent(TRE, List.of(FRANK), List.of(FRANK)));
        return events;
    }

    static Stream<Arguments> everyCell() {
        return SPEC.entrySet().stream().flatMap(row -> {
            List<String> cells = Arrays.asList(row.getValue().split(" "));
            return commandsChanging(row.getKey()).entrySet().stream().flatMap(command -> COLUMNS.stream()
                    .map(state -> Arguments.of(row.getKey(), command.getKey(), state,
                            "Yes".equals(cells.get(COLUMNS.indexOf(state))), command.getValue())));
        });
    }

    @ParameterizedTest(name = "{0}: {1} in {2} configurable={3}")
    @MethodSource("everyCell")
    void eachCellOfTheSettingsTable(TreSettings setting, String command, Lifecycle state, boolean configurable,
                                    Supplier<Object> send) {
        var result = fixture.given(given(state)).when(send.get());
        if (configurable) {
            result.expectSuccessfulHandlerExecution().expectEventsMatching(someEvent());
        } else {
            result.expectNoEvents().expectException(dxError(ErrorType.InvalidState));
        }
    }

    @Test
    void everyRowOfTheDeclarationIsInTheSpecsTable() {
        assertThat(SPEC.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(TreSettings.class));
    }

    @Test
    void theDeclarationSaysWhatTheSpecsTableSays() {
        SPEC.forEach((setting, cells) -> {
            List<String> yesOrNo = Arrays.asList(cells.split(" "));
            for (Lifecycle state : COLUMNS) {
                assertThat(setting.configurableIn(TreState.valueOf(state.name().toLowerCase(Locale.ROOT))))
                        .as(setting + " in " + state)
                        .isEqualTo("Yes".equals(yesOrNo.get(COLUMNS.indexOf(state))));
            }
        });
    }
}
