package org.tre.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;
import org.tre.api.support.ServiceTest;
import org.tre.tre.dispensal.DispensalSaga;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    private static final String REBUILD_OPERATOR = "consoleRebuildOperatorToken0123456789";

    private Scenario scenario;
    private String adminId;
    private String admin;
    private String reviewerId;
    private String reviewer;
    private String researcherId;
    private String researcher;
    private String org;
    private Scenario.TreSetup setup;
    private String tre;
    private String treName;
    private ConsoleBrowser browser;

    @Autowired
    EventProcessingConfiguration processing;

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
        org = scenario.treOrg(admin, adminId, unique("corg").toLowerCase());
        treName = unique("ctre").toLowerCase();
        setup = scenario.activeTre(admin, org, treName, reviewerId, List.of(researcherId));
        tre = setup.id();
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
        JsonNode dispensal = awaitDispensal(project, List.of("done", "failed"));

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

    /** The project's dispensal once the API reports it in one of {@code states}. */
    private JsonNode awaitDispensal(String project, List<String> states) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode dispensal = dx().post("/" + project + "/describe", researcher,
                    Dx.obj("fields", Dx.obj("treDispensal", true))).expectOk().body().get("treDispensal");
            if (dispensal != null && states.contains(dispensal.path("state").asText())) {
                return dispensal;
            }
            assertThat(System.currentTimeMillis()).as("the dispensal into " + project + " reaches " + states).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The page's states in the order it showed them, each checked against the known steps: every one
     * is among them, and none comes back after a later one.
     */
    private static void assertInOrder(List<String> shown, List<String> steps) {
        int last = -1;
        for (String text : shown) {
            int step = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (text.startsWith(steps.get(i))) {
                    step = i;
                }
            }
            assertThat(step).as("'" + text + "' is one of " + steps).isNotNegative();
            assertThat(step).as("'" + text + "' after " + shown).isGreaterThanOrEqualTo(last);
            last = step;
        }
    }

    private JsonNode policySync(String token) {
        return dx().post("/" + tre + "/describe", token, Dx.obj("fields", Dx.obj("policySync", true))).expectOk()
                .body().get("policySync");
    }

    @Test
    void anAdminWatchesNewPoliciesReachEveryProjectOfTheTre() {
        String request = scenario.approvedRequest(researcher, reviewer, tre);
        List<String> projects = List.of(scenario.requestProject(researcher, request, "one"),
                scenario.requestProject(researcher, request, "two"));
        browser.signIn(admin);
        browser.go("#/tre/" + tre);
        String status = "[data-testid=policy-sync]";
        browser.awaitText(By.cssSelector(status), "Idle");
        browser.recordTexts(status);

        // The saga that sets the policies on the projects is held still, as PolicySyncGivenUpTest does,
        // so the synchronization stays started for as long as the test looks at it.
        EventProcessor saga = processing.eventProcessor("PolicySyncSagaProcessor").orElseThrow();
        saga.shutDown();
        try {
            new Select(browser.find(By.id("policy-downloadRestricted"))).selectByVisibleText("true");
            browser.click(button("Set policies"));
            String syncing = browser.awaitText(By.cssSelector(status), "Synchronizing");
            JsonNode sync = policySync(admin);
            assertThat(sync.get("state").asText()).isEqualTo("syncing");
            long pending = sync.get("pending").asLong();
            assertThat(pending).isPositive();
            assertThat(syncing).isEqualTo("Synchronizing: " + pending + " project" + (pending == 1 ? "" : "s")
                    + " still to set.");
            assertThat(browser.find(By.cssSelector(status + " progress")).getAttribute("aria-label"))
                    .isEqualTo("Policy synchronization");
            browser.screenshot("admin-policy-sync", By.cssSelector(status));
        } finally {
            saga.start();
        }

        List<String> shown = browser.awaitRecordedText(status, "Idle");
        assertThat(policySync(admin).get("state").asText()).isEqualTo("idle");
        assertThat(shown.get(0)).startsWith("Idle");
        assertThat(shown).anySatisfy(text -> assertThat(text).startsWith("Synchronizing"));
        assertInOrder(shown.subList(1, shown.size()), List.of("Synchronizing", "Idle"));
        for (String project : projects) {
            assertThat(describe(project, researcher).get("downloadRestricted").asBoolean()).as(project).isTrue();
        }
    }

    /**
     * A new inventory version whose file listing names one file in no data type group, which every
     * request receives: the scenario's own listing has no 'file' column, so its dispensals fail.
     */
    private void inventoryWithAFileToDispense() {
        String data = setup.dataProject();
        String dispensed = Scenario.id(dx().post("/file/new", admin, Dx.obj("project", data, "name", "a.vcf",
                "content", "A")));
        String listing = Scenario.id(dx().post("/file/new", admin, Dx.obj("project", data, "name", "files.tsv",
                "content", "file\tdataTypeGroup\n" + dispensed + "\t\n")));
        String showcase = Scenario.id(dx().post("/record/new", admin, Dx.obj("project", setup.showcaseProject(),
                "name", "showcase")));
        scenario.ok(admin, tre, "deactivate", Dx.obj());
        scenario.ok(admin, tre, "setInventory", Dx.obj("file", Dx.obj("project", data, "id", listing),
                "dataset", Dx.obj(), "showcase", Dx.obj("project", setup.showcaseProject(), "id", showcase),
                "assays", List.of(), "version", "1.1.0"));
        scenario.ok(admin, tre, "activate", Dx.obj());
    }

    @Test
    void aResearcherWatchesADispensalFromTheQueueToItsEnd() {
        inventoryWithAFileToDispense();
        String request = scenario.approvedRequest(researcher, reviewer, tre);
        String status;
        String project;
        // The saga that runs the job is held still, so the job waits in the queue while the page shows it.
        EventProcessor saga = processing.eventProcessorByProcessingGroup(DispensalSaga.PROCESSING_GROUP)
                .orElseThrow();
        saga.shutDown();
        try {
            project = Scenario.id(dx().post("/project/new", researcher, Dx.obj("name", "Watched",
                    "treApplication", request)));
            awaitDispensal(project, List.of("idle"));
            browser.signIn(researcher);
            browser.go("#/request/" + request);
            status = "[data-testid=dispensal-" + project + "]";
            String queued = browser.awaitText(By.cssSelector(status), "Queued");
            assertThat(queued).isEqualTo("Queued: waiting for its turn in the TRE's dispensal queue.");
            browser.recordTexts(status);
            assertThat(browser.find(By.cssSelector(status + " progress")).getAttribute("value")).isEqualTo("0");
            browser.screenshot("researcher-dispensal-queued", By.cssSelector(status));
        } finally {
            saga.start();
        }

        List<String> shown = browser.awaitRecordedText(status, "Done");
        JsonNode dispensal = awaitDispensal(project, List.of("done"));
        int objects = dispensal.get("objects").size();
        assertThat(dispensal.get("inventoryVersion").asText()).isEqualTo("1.1.0");
        assertThat(objects).isPositive();
        assertThat(shown.get(0)).startsWith("Queued");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("Done: " + objects + " object" + (objects == 1 ? "" : "s")
                + " placed in the project.");
        assertInOrder(shown, List.of("Queued", "Starting", "Copying", "Done"));
        assertThat(browser.find(By.cssSelector(status + " progress")).getAttribute("value")).isEqualTo("3");
        browser.screenshot("researcher-dispensal-done", By.cssSelector(status));
    }

    @Test
    void theOperatorWatchesTheReadModelsBeingRebuilt(@TempDir Path dataDir) throws Exception {
        // A service of its own: a rebuild replays every event of its store, and the shared one holds every
        // test's. Its sessions wait up to a minute for a lock, where H2's default is two seconds, because
        // the test holds the rebuild still by locking rows that the rebuild empties first.
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir,
                "TRE_ADMIN_TOKEN=" + REBUILD_OPERATOR, "tre.rate-limit.per-second=100000", "tre.rate-limit.burst=100000",
                "spring.datasource.hikari.data-source-properties.LOCK_TIMEOUT=60000")) {
            Dx dx = service.dx();
            new Scenario(dx, REBUILD_OPERATOR).user("rebuilt");
            browser.close();
            browser = null;
            browser = ConsoleBrowser.open(service.port());
            browser.signIn(REBUILD_OPERATOR);
            browser.click(link("Operations"));
            String status = "[data-testid=rebuild-status]";
            browser.awaitText(By.cssSelector(status), "Idle");
            browser.recordTexts(status);

            long total;
            try (Connection held = service.bean(DataSource.class).getConnection()) {
                held.setAutoCommit(false);
                try (Statement lock = held.createStatement();
                     ResultSet users = lock.executeQuery("SELECT id FROM directory_user FOR UPDATE")) {
                    assertThat(users.next()).as("a user row to hold").isTrue();
                }
                browser.click(button("Rebuild every read model"));
                String running = browser.awaitText(By.cssSelector(status), "Rebuilding");
                JsonNode answer = dx.post("/system/rebuildStatus", REBUILD_OPERATOR, "{}").expectOk().body();
                assertThat(answer.get("state").asText()).isEqualTo("running");
                total = answer.get("total").asLong();
                assertThat(total).isPositive();
                assertThat(running).isEqualTo("Rebuilding: " + answer.get("processed").asLong() + " of " + total
                        + " events.");
                WebElement progress = browser.find(By.cssSelector(status + " progress"));
                assertThat(progress.getAttribute("max")).isEqualTo(String.valueOf(total));
                assertThat(progress.getAttribute("aria-label")).isEqualTo("Rebuild");
                // Every other route waits for the rebuild.
                assertThat(dx.post("/system/whoami", REBUILD_OPERATOR, "{}").errorType()).isEqualTo("ServiceUnavailable");
                browser.screenshot("operations-rebuilding", By.cssSelector(status));
                held.rollback();
            }

            List<String> shown = browser.awaitRecordedText(status, "Idle");
            JsonNode answer = dx.post("/system/rebuildStatus", REBUILD_OPERATOR, "{}").expectOk().body();
            assertThat(answer.get("state").asText()).isEqualTo("idle");
            assertThat(answer.get("processed").asLong()).isEqualTo(total);
            assertThat(shown.get(0)).startsWith("Idle");
            assertThat(shown.get(shown.size() - 1)).isEqualTo("Idle. The last rebuild processed " + total + " of "
                    + total + " events.");
            assertInOrder(shown.subList(1, shown.size()), List.of("Rebuilding", "Idle"));
            assertThat(shown).anySatisfy(text -> assertThat(text).startsWith("Rebuilding"));
            dx.post("/system/whoami", REBUILD_OPERATOR, "{}").expectOk();
            browser.screenshot("operations-rebuilt", By.cssSelector(status));
        } finally {
            // The browser goes before its service, which it would otherwise keep polling.
            if (browser != null) {
                browser.close();
                browser = null;
            }
        }
    }

    /** The refusal shown in one part of the page. */
    private String alertIn(String section) {
        return browser.find(By.cssSelector("#" + section + " [role=alert]")).getText();
    }

    private static By removeButton(String label) {
        return By.cssSelector("button[aria-label='" + label + "']");
    }

    @Test
    void anAdminAddsAndRemovesTreAdminsAndAuthorizedUsers() {
        // A TRE admin must hold treManagement in the TRE's org.
        String carolId = scenario.user(unique("ccarol"));
        dx().post("/" + org + "/invite", admin, Dx.obj("invitee", carolId)).expectOk();
        dx().post("/" + org + "/setMemberAccess", ADMIN_TOKEN, Dx.obj(carolId, Dx.obj("treManagement", true)))
                .expectOk();
        String doraId = scenario.user(unique("cdora"));
        browser.signIn(admin);
        browser.go("#/tre/" + tre);
        browser.awaitText(By.cssSelector("[data-testid=tre-admins]"), adminId);

        browser.find(By.id("tre-admins-add")).sendKeys(carolId);
        browser.click(button("Add TRE admins"));
        browser.awaitText(By.cssSelector("[data-testid=tre-admins]"), carolId);
        assertThat(describe(tre, admin).get("treAdmins")).extracting(JsonNode::asText).contains(adminId, carolId);
        browser.screenshot("admin-people", By.id("tre-admins"));

        browser.click(removeButton("Remove " + carolId + " from the TRE admins"));
        browser.awaitText(By.id("tre-admins"), "Removed " + carolId + ".");
        assertThat(browser.find(By.cssSelector("[data-testid=tre-admins]")).getText()).doesNotContain(carolId);
        assertThat(describe(tre, admin).get("treAdmins")).extracting(JsonNode::asText).containsExactly(adminId);

        // A refusal in the API's words, and the list unchanged.
        browser.find(By.id("tre-admins-add")).sendKeys("user-nosuchperson");
        browser.click(button("Add TRE admins"));
        assertThat(alertIn("tre-admins")).isEqualTo(wording(dx().post("/" + tre + "/addTreAdmins", admin,
                Dx.obj("users", List.of("user-nosuchperson")))));
        assertThat(describe(tre, admin).get("treAdmins")).extracting(JsonNode::asText).containsExactly(adminId);

        browser.find(By.id("authorized-users-add")).sendKeys(doraId);
        browser.click(button("Add authorized users"));
        browser.awaitText(By.cssSelector("[data-testid=authorized-users]"), doraId);
        assertThat(describe(tre, admin).get("authorizedUsers")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(researcherId, doraId);
        browser.click(removeButton("Remove " + researcherId + " from the authorized users"));
        browser.awaitText(By.id("authorized-users"), "Removed " + researcherId + ".");
        assertThat(describe(tre, admin).get("authorizedUsers")).extracting(JsonNode::asText).containsExactly(doraId);
        // The researcher no longer sees the TRE.
        assertThat(dx().post("/" + tre + "/describe", researcher, Dx.obj()).status()).isGreaterThanOrEqualTo(400);

        browser.find(By.id("authorized-users-add")).sendKeys("not a principal");
        browser.click(button("Add authorized users"));
        assertThat(alertIn("authorized-users")).isEqualTo(wording(dx().post("/" + tre + "/addAuthorizedUsers", admin,
                Dx.obj("users", List.of("not a principal")))));
        assertThat(describe(tre, admin).get("authorizedUsers")).extracting(JsonNode::asText).containsExactly(doraId);
    }

    @Test
    void anAdminAddsAndRemovesReviewStepsAndReviewersOfADraftTre() {
        String draft = scenario.readyTre(admin, org, unique("cdraft").toLowerCase(), reviewerId, List.of()).id();
        browser.signIn(admin);
        browser.go("#/tre/" + draft);
        browser.awaitText(By.cssSelector("[data-testid=reviewers-e]"), reviewerId);

        browser.find(By.id("step-id")).sendKeys("ethics");
        browser.find(By.id("step-name")).sendKeys("Ethics board");
        browser.find(By.id("step-description")).sendKeys("Reads every protocol");
        browser.click(button("Add review step"));
        String row = browser.awaitText(By.cssSelector("[data-testid=step-ethics]"), "Ethics board");
        assertThat(row).contains("Reads every protocol");
        JsonNode added = describe(draft, admin).at("/applicationReviewSteps/ethics");
        assertThat(added.get("name").asText()).isEqualTo("Ethics board");
        assertThat(added.get("description").asText()).isEqualTo("Reads every protocol");
        assertThat(added.get("reviewers")).isEmpty();

        // The same id again: refused, in the API's words.
        browser.find(By.id("step-id")).sendKeys("ethics");
        browser.find(By.id("step-name")).sendKeys("Twice");
        browser.click(button("Add review step"));
        String shown = browser.find(By.cssSelector("[data-testid=new-review-step] [role=alert]")).getText();
        assertThat(shown).isEqualTo(wording(dx().post("/" + draft + "/addApplicationReviewStep", admin,
                Dx.obj("reviewStepId", "ethics", "name", "Twice", "description", ""))));
        assertThat(describe(draft, admin).at("/applicationReviewSteps/ethics/name").asText()).isEqualTo("Ethics board");
        browser.screenshot("admin-review-steps", By.id("review-steps"));

        browser.click(removeButton("Remove reviewer " + reviewerId + " from step e"));
        browser.awaitText(By.cssSelector("[data-testid=reviewers-e]"), "none");
        assertThat(describe(draft, admin).at("/applicationReviewSteps/e/reviewers")).isEmpty();

        browser.click(removeButton("Remove review step e"));
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=step-e]")));
        assertThat(describe(draft, admin).get("applicationReviewSteps").has("e")).isFalse();
        assertThat(browser.find(By.cssSelector("[data-testid=step-ethics]")).getText()).contains("Ethics board");

        // On the active TRE the steps are fixed: the API says why.
        browser.go("#/tre/" + tre);
        browser.click(removeButton("Remove review step e"));
        assertThat(browser.find(By.cssSelector("[data-testid=review-step-changes] [role=alert]")).getText())
                .isEqualTo(wording(dx().post("/" + tre + "/removeApplicationReviewStep", admin,
                        Dx.obj("reviewStepId", "e"))));
        assertThat(describe(tre, admin).get("applicationReviewSteps").has("e")).isTrue();
    }

    /** Empties a field by keyboard, as a person would: the page hears every keystroke. */
    private void retype(By field, String text) {
        WebElement element = browser.find(field);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        element.sendKeys(text);
    }

    @Test
    void anAdminRenamesAReviewStepOfTheActiveTre() {
        browser.signIn(admin);
        browser.go("#/tre/" + tre);
        browser.awaitText(By.cssSelector("[data-testid=step-e]"), reviewerId);
        retype(By.id("edit-step-name"), "Ethics committee");
        retype(By.id("edit-step-description"), "Meets weekly");
        browser.click(button("Save review step"));
        browser.awaitText(By.cssSelector("[data-testid=edit-review-step]"), "Step e saved.");
        assertThat(browser.find(By.cssSelector("[data-testid=step-e]")).getText())
                .contains("Ethics committee").contains("Meets weekly");
        JsonNode step = describe(tre, admin).at("/applicationReviewSteps/e");
        assertThat(step.get("name").asText()).isEqualTo("Ethics committee");
        assertThat(step.get("description").asText()).isEqualTo("Meets weekly");
        // The fields start again from what the step holds now.
        assertThat(browser.find(By.id("edit-step-name")).getAttribute("value")).isEqualTo("Ethics committee");

        retype(By.id("edit-step-name"), "");
        browser.click(button("Save review step"));
        String shown = browser.find(By.cssSelector("[data-testid=edit-review-step] [role=alert]")).getText();
        assertThat(shown).isEqualTo(wording(dx().post("/" + tre + "/updateApplicationReviewStep", admin,
                Dx.obj("reviewStepId", "e", "name", "", "description", "Meets weekly"))));
        assertThat(describe(tre, admin).at("/applicationReviewSteps/e/name").asText()).isEqualTo("Ethics committee");
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
