package org.tre.directory.app;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.app.HttpsAppMessages.HttpsAppAllowlistSetEvent;
import org.tre.messages.app.HttpsAppMessages.SetHttpsAppAllowlistCommand;
import org.tre.messages.error.ErrorType;
import org.tre.messages.user.Operator;
import org.tre.messages.user.TokenScope;

import java.util.List;
import java.util.Map;

import static org.tre.directory.support.DxErrorMatcher.dxError;
import static org.tre.messages.app.HttpsAppMessages.ALLOWLIST_ID;

class HttpsAppAllowlistTest {

    private static final Requester OPERATOR = Requester.withFullScope(Operator.USER_ID);

    private FixtureConfiguration<HttpsAppAllowlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HttpsAppAllowlist.class);
    }

    private static SetHttpsAppAllowlistCommand set(Requester requester, String... apps) {
        return new SetHttpsAppAllowlistCommand(ALLOWLIST_ID, List.of(apps), requester);
    }

    private static HttpsAppAllowlistSetEvent setTo(String... apps) {
        return new HttpsAppAllowlistSetEvent(ALLOWLIST_ID, List.of(apps), Operator.USER_ID);
    }

    @Test
    void theFirstListTheOperatorSetsMakesTheAllowlist() {
        fixture.givenNoPriorActivity()
                .when(set(OPERATOR, "jupyterlab", "rstudio"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(setTo("jupyterlab", "rstudio"));
    }

    @Test
    void onlyTheOperatorSetsTheAllowlist() {
        fixture.givenNoPriorActivity()
                .when(set(Requester.withFullScope("user-alice"), "jupyterlab"))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
        fixture.given(setTo("rstudio"))
                .when(set(Requester.withFullScope("user-alice"), "jupyterlab"))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void theOperatorSetsTheAllowlistWithAFullScopeTokenOnly() {
        Requester limited = new Requester(Operator.USER_ID,
                TokenScope.limitedTo(Map.of("project-0123456789BFGJKPQVXYZbfg", "ADMINISTER")));
        fixture.givenNoPriorActivity()
                .when(set(limited, "jupyterlab"))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aNewListReplacesTheWholeOldOne() {
        fixture.given(setTo("jupyterlab", "rstudio"))
                .when(set(OPERATOR, "vscode"))
                .expectEvents(setTo("vscode"));
    }

    @Test
    void anEmptyListAllowsNoApp() {
        fixture.given(setTo("jupyterlab"))
                .when(set(OPERATOR))
                .expectEvents(setTo());
    }

    @Test
    void aNameGivenTwiceIsListedOnceInTheOrderFirstGiven() {
        fixture.givenNoPriorActivity()
                .when(set(OPERATOR, "rstudio", "jupyterlab", "rstudio"))
                .expectEvents(setTo("rstudio", "jupyterlab"));
    }

    @Test
    void theListInForceSetAgainChangesNothing() {
        fixture.given(setTo("jupyterlab", "rstudio"))
                .when(set(OPERATOR, "jupyterlab", "rstudio"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
