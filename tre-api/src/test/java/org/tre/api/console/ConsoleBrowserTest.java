package org.tre.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tre.api.support.Dx;
import org.tre.api.support.Scenario;
import org.tre.api.support.ServiceTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.console.ConsoleBrowser.button;
import static org.tre.api.console.ConsoleBrowser.link;

/**
 * The console in a real browser against the running service: a TRE admin's, a reviewer's and a
 * researcher's path, each action checked on the page and in the API's state afterwards. The TRE is
 * active, with the review step {@code e} whose reviewer is {@link #reviewerId}, and the researcher
 * among its authorized users.
 */
class ConsoleBrowserTest extends ServiceTest {

    private Scenario scenario;
    private String adminId;
    private String admin;
    private String reviewerId;
    private String reviewer;
    private String researcherId;
    private String researcher;
    private String tre;
    private String treName;
    private ConsoleBrowser browser;

    @BeforeEach
    void activeTre() {
        ConsoleBrowser.requireBrowser();
        scenario = new Scenario(dx(), ADMIN_TOKEN);
        adminId = scenario.user(unique("cadmin"));
        admin = scenario.token(adminId);
        reviewerId = scenario.user(unique("crev"));
        reviewer = scenario.token(reviewerId);
        researcherId = scenario.user(unique("cres"));
        researcher = scenario.token(researcherId);
        String org = scenario.treOrg(admin, adminId, unique("corg").toLowerCase());
        treName = unique("ctre").toLowerCase();
        tre = scenario.activeTre(admin, org, treName, reviewerId, List.of(researcherId)).id();
        browser = ConsoleBrowser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private JsonNode describe(String entity, String token) {
        return dx().post("/" + entity + "/describe", token, Dx.obj()).expectOk().body();
    }

    /** What the console must show for a refusal: the API's own words. */
    private static String wording(Dx.Response refusal) {
        assertThat(refusal.status()).isGreaterThanOrEqualTo(400);
        return refusal.errorType() + ": " + refusal.errorMessage();
    }

    @Test
    void anAdminRunsTheirTre() {
        browser.signIn(admin);
        assertThat(browser.find(By.cssSelector("[data-testid=me]")).getText()).isEqualTo(adminId);
        String row = browser.awaitText(By.tagName("table"), treName);
        assertThat(row).contains("active").contains("admin");
        browser.click(link(treName));

        assertThat(browser.awaitText(By.cssSelector("[data-testid=tre-state]"), "active")).isEqualTo("active");
        String versions = browser.find(By.cssSelector("[aria-label='Inventory versions'] tbody")).getText();
        assertThat(versions).contains("1.0.0").contains("active");
        browser.screenshot("admin-tre");

        // Lifecycle: the page and the aggregate agree after each action.
        browser.click(button("Deactivate"));
        browser.awaitText(By.cssSelector("[data-testid=tre-state]"), "amending");
        assertThat(describe(tre, admin).get("state").asText()).isEqualTo("amending");
        browser.click(button("Activate"));
        browser.awaitText(By.cssSelector("[data-testid=tre-state]"), "active");
        assertThat(describe(tre, admin).get("state").asText()).isEqualTo("active");

        // Policies, then their synchronization to the TRE's projects, followed by polling until idle.
        new Select(browser.find(By.id("policy-downloadRestricted"))).selectByVisibleText("true");
        browser.click(button("Set policies"));
        browser.awaitText(By.id("policies"), "Policies set.");
        JsonNode policies = describe(tre, admin).get("policies").get("restrictedWorkspace");
        assertThat(policies.get("downloadRestricted").asBoolean()).isTrue();
        assertThat(policies.get("restricted").isNull()).isTrue();
        browser.awaitText(By.cssSelector("[data-testid=policy-sync]"), "Idle");

        // Reviewers: one added through the form shows in the table and in the TRE.
        String second = scenario.user(unique("crev2"));
        browser.find(By.id("reviewer-users")).sendKeys(second);
        browser.click(button("Add reviewers"));
        browser.awaitText(By.cssSelector("[data-testid=reviewers-e]"), second);
        assertThat(describe(tre, admin).at("/applicationReviewSteps/e/reviewers").toString()).contains(second);

        // A refusal is shown as the API words it, and changes nothing.
        browser.find(By.id("reviewer-users")).sendKeys("user-nosuchperson");
        browser.click(button("Add reviewers"));
        String shown = browser.alert();
        assertThat(shown).isEqualTo(wording(dx().post("/" + tre + "/addApplicationReviewers", admin,
                Dx.obj("reviewStepId", "e", "users", List.of("user-nosuchperson")))));
        assertThat(describe(tre, admin).at("/applicationReviewSteps/e/reviewers")).hasSize(2);

        // The audit timeline, filtered by event type as the API filters it.
        // The timeline follows the TRE: every event so far, the reviewers just added among them.
        int events = dx().post("/" + tre + "/history", admin, Dx.obj()).expectOk().body().get("results").size();
        browser.await(driver -> browser.texts(By.cssSelector("[data-testid=timeline] > li")).size() == events);
        assertThat(browser.texts(By.cssSelector("[data-testid=timeline] .event-type")))
                .filteredOn("ApplicationReviewersAddedEvent"::equals).hasSize(2);
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//select[@id='event-type']/option[.='TrePoliciesSetEvent']")));
        new Select(browser.find(By.id("event-type"))).selectByVisibleText("TrePoliciesSetEvent");
        JsonNode history = dx().post("/" + tre + "/history", admin, Dx.obj("types", List.of("TrePoliciesSetEvent")))
                .expectOk().body().get("results");
        browser.await(driver -> browser.texts(By.cssSelector("[data-testid=timeline] > li")).size() == history.size());
        assertThat(browser.texts(By.cssSelector("[data-testid=timeline] .event-type")))
                .hasSize(2).containsOnly("TrePoliciesSetEvent");
        assertThat(browser.texts(By.cssSelector("[data-testid=timeline] .event-user"))).containsOnly(adminId);
        browser.screenshot("admin-timeline");

        // The TRE as it stood at the first policy change: still in draft, nothing enforced.
        List<WebElement> then = browser.driver().findElements(By.cssSelector("[data-testid=timeline] li button"));
        then.get(0).click();
        String past = browser.awaitText(By.cssSelector("[data-testid=as-of-result]"), "draft");
        long at = history.get(0).get("timestamp").asLong();
        JsonNode asItStood = dx().post("/" + tre + "/describe", admin, Dx.obj("at", at)).expectOk().body();
        assertThat(asItStood.get("state").asText()).isEqualTo("draft");
        assertThat(past).contains("No policy enforced").contains("1.0.0 (pending)");
        browser.screenshot("admin-as-it-stood");
    }

    private String submittedRequest(String name) {
        String request = Scenario.id(dx().post("/treApplication/new", researcher,
                Dx.obj("tre", tre, "name", name, "fields", List.of("height"))));
        dx().post("/" + request + "/submit", researcher, Dx.obj()).expectOk();
        return request;
    }

    @Test
    void aReviewerDecidesTheirStep() {
        String name = unique("Height and genes ");
        String request = submittedRequest(name);
        browser.signIn(reviewer);
        browser.click(link("Review queue"));
        browser.awaitText(By.tagName("table"), name);
        browser.screenshot("reviewer-queue");
        browser.click(link(name));

        assertThat(browser.awaitText(By.cssSelector("[data-testid=request-state]"), "in-review")).isEqualTo("in-review");
        assertThat(browser.find(By.cssSelector("[data-testid=step-e]")).getText()).contains("pending");
        browser.screenshot("reviewer-request");

        // Reject with a comment: the round ends, the step records who, why.
        browser.find(By.id("decide-comment")).sendKeys("Why do you need genes?");
        browser.click(button("Reject"));
        browser.awaitText(By.cssSelector("[data-testid=request-state]"), "in-revision");
        JsonNode rejected = describe(request, reviewer);
        assertThat(rejected.get("state").asText()).isEqualTo("in-revision");
        assertThat(rejected.at("/reviewSteps/e/state").asText()).isEqualTo("rejected");
        assertThat(rejected.at("/reviewSteps/e/comment").asText()).isEqualTo("Why do you need genes?");
        assertThat(rejected.at("/reviewSteps/e/decidedBy").asText()).isEqualTo(reviewerId);
        assertThat(browser.find(By.cssSelector("[data-testid=step-e]")).getText())
                .contains("rejected").contains("Why do you need genes?").contains(reviewerId);

        browser.go("#/review");
        browser.find(By.cssSelector("[data-testid=queue-empty]"));

        // The applicant revises and resubmits; the reviewer approves, with no comment.
        dx().post("/" + request + "/update", researcher, Dx.obj("description", "Genes explain height")).expectOk();
        dx().post("/" + request + "/submit", researcher, Dx.obj()).expectOk();
        browser.go("#/request/" + request);
        browser.awaitText(By.cssSelector("[data-testid=step-e]"), "pending");
        browser.click(button("Approve"));
        browser.awaitText(By.cssSelector("[data-testid=request-state]"), "approved");
        JsonNode approved = describe(request, reviewer);
        assertThat(approved.get("decision").asText()).isEqualTo("approved");
        assertThat(approved.get("round").asInt()).isEqualTo(2);
        assertThat(approved.at("/reviewSteps/e/decidedBy").asText()).isEqualTo(reviewerId);
        browser.screenshot("reviewer-approved");
    }

    @Test
    void aReviewerCannotDecideWhatTheyCreatedAndIsToldSoInTheApisWords() {
        // The reviewer applies on the researcher's behalf: separation of duties keeps them off its steps.
        String request = Scenario.id(dx().post("/treApplication/new", reviewer,
                Dx.obj("tre", tre, "name", "On behalf", "fields", List.of("height"), "applicant", researcherId)));
        dx().post("/" + request + "/submit", researcher, Dx.obj()).expectOk();
        browser.signIn(reviewer);
        browser.go("#/request/" + request);
        browser.awaitText(By.cssSelector("[data-testid=request-state]"), "in-review");
        // The page offers no decision the API would refuse.
        assertThat(browser.driver().findElements(button("Approve"))).isEmpty();
        assertThat(describe(request, reviewer).get("permissions").toString()).doesNotContain("approve");
    }

    @Test
    void aResearcherCreatesEditsAndSubmitsARequest() {
        browser.signIn(researcher);
        browser.awaitText(By.tagName("table"), treName);
        browser.screenshot("researcher-tres");
        browser.click(link("Request data"));

        browser.find(By.id("request-name")).sendKeys("Height and genes");
        browser.find(By.id("request-fields")).sendKeys("height");
        browser.click(button("Create request"));
        assertThat(browser.awaitText(By.cssSelector("[data-testid=request-state]"), "draft")).isEqualTo("draft");
        JsonNode mine = dx().post("/system/findTreApplications", researcher,
                Dx.obj("applicant", researcherId, "describe", true)).expectOk().body().get("results");
        assertThat(mine).hasSize(1);
        String request = mine.get(0).get("id").asText();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/request/" + request);
        assertThat(mine.get(0).at("/describe/tre").asText()).isEqualTo(tre);
        assertThat(mine.get(0).at("/describe/fields").toString()).isEqualTo("[\"height\"]");

        WebElement description = browser.find(By.id("request-description"));
        description.sendKeys("Genes explain height");
        browser.click(button("Save changes"));
        browser.awaitText(By.id("edit-and-submit"), "Saved.");
        assertThat(describe(request, researcher).get("description").asText()).isEqualTo("Genes explain height");

        browser.click(button("Submit for review"));
        browser.awaitText(By.cssSelector("[data-testid=request-state]"), "in-review");
        JsonNode submitted = describe(request, researcher);
        assertThat(submitted.get("state").asText()).isEqualTo("in-review");
        assertThat(submitted.at("/reviewSteps/e/state").asText()).isEqualTo("pending");
        assertThat(browser.find(By.id("projects")).getText()).contains("No project yet");
        browser.screenshot("researcher-request");

        browser.click(link("Requests"));
        assertThat(browser.awaitText(By.tagName("table"), "Height and genes")).contains("in-review");
    }

    @Test
    void aResearcherSeesTheProjectsOfTheirApprovedRequestAndWhatEachWasDispensed() {
        String request = scenario.approvedRequest(researcher, reviewer, tre);
        String project = Scenario.id(dx().post("/project/new", researcher, Dx.obj("name", "Analysis",
                "treApplication", request)));
        JsonNode dispensal = awaitDispensalEnded(project);

        browser.signIn(researcher);
        browser.go("#/request/" + request);
        browser.awaitText(By.cssSelector("[data-testid=request-state]"), "approved");
        String shown = browser.awaitText(By.id("projects"), dispensal.get("job").asText());
        assertThat(shown).contains("Analysis").contains(project).contains(dispensal.get("state").asText());
        if (dispensal.hasNonNull("inventoryVersion")) {
            assertThat(shown).contains(dispensal.get("inventoryVersion").asText());
        }
        browser.screenshot("researcher-projects");
    }

    private JsonNode awaitDispensalEnded(String project) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode dispensal = dx().post("/" + project + "/describe", researcher,
                    Dx.obj("fields", Dx.obj("treDispensal", true))).expectOk().body().get("treDispensal");
            if (dispensal != null && List.of("done", "failed").contains(dispensal.path("state").asText())) {
                return dispensal;
            }
            assertThat(System.currentTimeMillis()).as("the dispensal into " + project + " ends").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theTokenLivesInTheTabOnly() {
        browser.signIn(researcher);
        assertThat(browser.script("return sessionStorage.getItem('tre-console.token')")).isEqualTo(researcher);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.driver().manage().getCookies()).isEmpty();
        // A reload keeps the person signed in; signing out forgets the token.
        browser.driver().navigate().refresh();
        assertThat(browser.find(By.cssSelector("[data-testid=me]")).getText()).isEqualTo(researcherId);
        browser.signOut();
        assertThat(browser.script("return sessionStorage.getItem('tre-console.token')")).isNull();
    }

    @Test
    void aRefusedSignInShowsTheApisWords() {
        browser.go("");
        browser.find(By.id("token")).sendKeys("notAValidToken0123456789abcdef\n");
        String shown = browser.alert();
        assertThat(shown).isEqualTo(wording(dx().post("/system/whoami", "notAValidToken0123456789abcdef", Dx.obj())));
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        // An action refused by the API for this caller is shown the same way: not the operator.
        browser.signIn(researcher);
        browser.click(link("Operations"));
        assertThat(browser.alert()).isEqualTo(wording(dx().post("/system/rebuildStatus", researcher, Dx.obj())));
    }

    @Test
    void atPhoneWidthNothingOverflowsEveryInputIsLabelledAndFocusShows() {
        String request = submittedRequest("Phone");
        browser.phoneWidth();
        browser.go("");
        WebElement token = browser.find(By.id("token"));
        // Keyboard focus on the button is drawn, not only a colour change.
        token.click();
        token.sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Sign in");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        checkPage("phone-sign-in");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("tres", "#/");
        pages.put("tre-admin", "#/tre/" + tre);
        pages.put("requests", "#/requests");
        pages.put("request-new", "#/requests/new?tre=" + tre);
        pages.put("request", "#/request/" + request);
        pages.put("review", "#/review");
        pages.put("operations", "#/operations");
        browser.signIn(admin);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.go(page.getValue());
            // Loaded: the page's heading is there and no part of it still says it is loading.
            browser.await(driver -> Boolean.TRUE.equals(browser.script("return document.querySelectorAll('main h1').length"
                    + " === 1 && ![...document.querySelectorAll('main [role=status]')]"
                    + ".some(e => e.textContent.startsWith('Loading'))")));
            checkPage("phone-" + page.getKey());
        }
    }

    /** At 390 CSS pixels: no horizontal scroll of the page, and a label for every control. */
    private void checkPage(String screenshot) {
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        browser.screenshot(screenshot);
        assertThat(overflow).as("horizontal overflow of " + screenshot).isEqualTo(0L);
        Object unlabelled = browser.script("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.outerHTML)");
        assertThat((List<?>) unlabelled).as("controls without a label on " + screenshot).isEmpty();
    }
}
