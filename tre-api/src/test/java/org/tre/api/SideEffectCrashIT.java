package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.JarProcess;
import org.tre.api.support.JarProcessExtension;
import org.tre.api.support.Scenario;
import org.tre.api.support.StoredEvents;
import org.tre.messages.tre.TreProvisioning;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side effects that run after a command has been answered (policy synchronization, provisioning,
 * grant reconciliation) resume after a SIGKILL of the jar and happen exactly once. Each test first
 * reads the store after the kill to show the effect was really cut short, then restarts on the same
 * data, waits for the effect over HTTP, stops the jar and counts in the store how often it happened.
 *
 * <p>H2 shows a commit to other sessions a moment before it has written it to the file (the
 * committing session returns only after the write), so what a read showed just before a kill may
 * be gone after it; the tests wait for what they need to be durable, not merely visible.
 */
@ExtendWith(JarProcessExtension.class)
class SideEffectCrashIT {

    private static final String OPERATOR = "sideEffectOperatorToken0123456789";
    private static final int PROJECTS = 1000;
    private static final int BATCH = 100;
    private static final int DISPENSED_FILES = 300;
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void aPolicySyncKilledMidwayFinishesAfterARestartAndSetsEachProjectOnce() throws Exception {
        JarProcess jar = onH2("policy-sync").property("tre.policy-sync.batch-size=" + BATCH).start();
        Dx dx = jar.dx();
        Scenario scenario = new Scenario(dx, OPERATOR);
        String admin = scenario.userWithToken("alice");
        String member = scenario.userWithToken("bob");
        String org = scenario.treOrg(admin, "user-alice", "hosting");
        String tre = scenario.activeTre(admin, org, "synced", "user-alice", List.of("user-bob")).id();
        List<String> projects = newTreProjects(dx, member, scenario.approvedRequest(member, admin, tre));

        scenario.ok(admin, tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("downloadRestricted", true)));
        // Killed once some batches are done and others not: the restart must resume, not start over or
        // stop. One processor thread runs the batches in turn, so once the second shows, the first is
        // on disk.
        JsonNode midway = await("two batches of the synchronization", () -> policySync(dx, admin, tre),
                sync -> sync.get("pending").asLong() <= PROJECTS - 2 * BATCH
                        || "idle".equals(sync.get("state").asText()));
        jar.kill();
        assertThat(midway.get("state").asText()).as("synchronization state when killed").isEqualTo("syncing");
        int setBeforeKill = StoredEvents.h2(dataDir).countByAggregate("ProjectTreFlagsEnforcedEvent").size();
        assertThat(setBeforeKill).as("projects set before the kill").isBetween(1, PROJECTS - 1);

        jar = jar.restart();
        Dx again = jar.dx();
        await("the synchronization to finish after the restart", () -> policySync(again, admin, tre),
                sync -> "idle".equals(sync.get("state").asText()));
        for (String project : projects) {
            JsonNode described = again.post("/" + project + "/describe", member, "{}").expectOk().body();
            assertThat(described.get("downloadRestricted").asBoolean()).as(project + " downloadRestricted").isTrue();
        }
        jar.stop();
        Map<String, Integer> changes = StoredEvents.h2(dataDir).countByAggregate("ProjectTreFlagsEnforcedEvent");
        for (String project : projects) {
            assertThat(changes.getOrDefault(project, 0)).as("times the policy was set on " + project).isEqualTo(1);
        }
    }

    @Test
    void provisioningKilledRightAfterActivationCompletesAfterARestartAndCreatesEachThingOnce() {
        JarProcess jar = onH2("provisioning").start();
        Scenario scenario = new Scenario(jar.dx(), OPERATOR);
        String admin = scenario.userWithToken("alice");
        String org = scenario.treOrg(admin, "user-alice", "hosting");
        String tre = scenario.readyTre(admin, org, "provisioned", "user-alice", List.of()).id();
        String robot = TreProvisioning.robotUser(tre);
        String project = TreProvisioning.workingProject(tre);
        String queue = TreProvisioning.dispensalQueue(tre);

        Dx.Response activated = jar.dx().post("/" + tre + "/activate", admin, "{}").expectOk();
        jar.kill();
        StoredEvents store = StoredEvents.h2(dataDir);
        assertThat(store.count(tre, "TreActivatedEvent")).as("activation stored").isEqualTo(1);
        assertThat(store.count(tre, "TreProvisionedEvent")).as("provisioning finished before the kill").isZero();

        jar = jar.restart();
        Dx dx = jar.dx();
        JsonNode provisioned = await("provisioning after the restart", () -> dx.post("/" + tre + "/describe", admin,
                        Dx.obj("fields", Dx.obj("robotUser", true, "workingProject", true, "dispensalQueue", true,
                                "sideEffectFailures", true))).expectOk().body(),
                described -> described.has("robotUser"));
        assertThat(provisioned.get("robotUser").asText()).isEqualTo(robot);
        assertThat(provisioned.get("workingProject").asText()).isEqualTo(project);
        assertThat(provisioned.get("dispensalQueue").asText()).isEqualTo(queue);
        assertThat(provisioned.path("sideEffectFailures")).as("side-effect failures").isEmpty();
        assertThat(dx.post("/" + robot + "/describe", OPERATOR, "{}").status()).as("robot user").isEqualTo(200);
        assertThat(dx.post("/" + project + "/describe", OPERATOR, "{}").status()).as("working project").isEqualTo(200);
        jar.stop();

        store = StoredEvents.h2(dataDir);
        assertThat(store.count(robot, "UserCreatedEvent")).as("robot user created").isEqualTo(1);
        assertThat(store.count(project, "ProjectCreatedEvent")).as("working project created").isEqualTo(1);
        assertThat(store.count(queue, "DispensalQueueCreatedEvent")).as("dispensal queue created").isEqualTo(1);
        assertThat(store.count(tre, "TreProvisionedEvent")).as("provisioning recorded").isEqualTo(1);
        // Made because of that activation (its request id travels on), not by anything else later.
        assertThat(store.ofType("UserCreatedEvent").stream().filter(e -> e.aggregate().equals(robot)))
                .allMatch(e -> e.metadata().contains(activated.header("X-Request-ID")));
    }

    @Test
    void aGrantKilledRightAfterTheChangeIsMadeOnceAfterARestart() {
        // No sweep after the restart: the grant must come from the change itself being reconciled.
        JarProcess jar = onH2("grants").property("tre.side-effects.grant-sweep-every=PT1H").start();
        Scenario scenario = new Scenario(jar.dx(), OPERATOR);
        String admin = scenario.userWithToken("alice");
        String carol = scenario.userWithToken("carol");
        String org = scenario.treOrg(admin, "user-alice", "hosting");
        Scenario.TreSetup tre = scenario.activeTre(admin, org, "granting", "user-alice", List.of());
        String showcase = tre.showcaseProject();
        Dx first = jar.dx();
        await("provisioning", () -> first.post("/" + tre.id() + "/describe", admin,
                Dx.obj("fields", Dx.obj("robotUser", true))).expectOk().body(), d -> d.has("robotUser"));
        assertThat(first.post("/" + showcase + "/describe", carol, "{}").status())
                .as("carol on the showcase before she is authorized").isNotEqualTo(200);
        // The reconciler reconciles the TRE as it stands: one still behind on the activation's events
        // would grant carol for them after the restart, and the grant would name their request.
        await("the grant reconciler caught up", () -> first.exchange("GET",
                "/actuator/metrics/tre.processor.lag?tag=processingGroup:tre-access-grants", null, null, null,
                java.util.Map.of()).body(), lag -> lag.path("measurements").path(0).path("value").asDouble(-1) == 0);

        Dx.Response added = first.post("/" + tre.id() + "/addAuthorizedUsers", admin,
                Dx.obj("users", List.of("user-carol"))).expectOk();
        jar.kill();
        // The kill races the reconciler, which may have granted already: either way the restart must
        // leave exactly one grant, the change's (usually the kill comes first and the grant follows the restart).
        assertThat(grantsTo(showcase, "user-carol")).as("grants to carol before the kill").hasSizeLessThan(2);

        jar = jar.restart();
        Dx dx = jar.dx();
        await("carol's access to the showcase after the restart",
                () -> dx.post("/" + showcase + "/describe", carol, "{}"), response -> response.status() == 200);
        jar.stop();
        List<StoredEvents.Event> grants = grantsTo(showcase, "user-carol");
        assertThat(grants).as("grants to carol").hasSize(1);
        assertThat(grants.get(0).metadata()).as("the grant's cause").contains(added.header("X-Request-ID"));
    }

    /**
     * DECISIONS.md §15: a dispensal interrupted by a crash resumes and copies nothing twice. A clone keeps
     * the object's id, so a copy asked again after the restart finds the object there; the saga's
     * deadline, kept in the database, asks again.
     */
    @Test
    void aDispensalKilledMidwayFinishesAfterARestartAndPlacesEachObjectOnce() throws Exception {
        JarProcess jar = onH2("dispensal").property("tre.side-effects.retry-first-delay=PT5S").start();
        Dx dx = jar.dx();
        Scenario scenario = new Scenario(dx, OPERATOR);
        String admin = scenario.userWithToken("alice");
        String member = scenario.userWithToken("bob");
        String org = scenario.treOrg(admin, "user-alice", "hosting");
        Scenario.TreSetup setup = scenario.readyTre(admin, org, "dispensing", "user-alice", List.of("user-bob"));
        String data = setup.dataProject();
        List<String> files = newFiles(dx, admin, data);
        StringBuilder tsv = new StringBuilder("file\n");
        files.forEach(file -> tsv.append(file).append('\n'));
        String inventory = Scenario.id(dx.post("/file/new", admin, Dx.obj("project", data, "name", "files.tsv",
                "content", tsv.toString())));
        String showcase = Scenario.id(dx.post("/record/new", admin, Dx.obj("project", setup.showcaseProject(),
                "name", "showcase")));
        scenario.ok(admin, setup.id(), "setInventory", Dx.obj("file", Dx.obj("project", data, "id", inventory),
                "dataset", Dx.obj(), "showcase", Dx.obj("project", setup.showcaseProject(), "id", showcase),
                "assays", List.of(), "version", "1.0.0"));
        scenario.ok(admin, setup.id(), "activate", Dx.obj());
        String request = scenario.approvedRequest(member, admin, setup.id());
        String project = Scenario.id(dx.post("/project/new", member, Dx.obj("name", "dispensed",
                "treApplication", request)));
        await("the dispensal to run", () -> dispensal(dx, member, project),
                d -> !d.isNull() && List.of("running", "done").contains(d.get("state").asText()));
        jar.kill();
        StoredEvents store = StoredEvents.h2(dataDir);
        assertThat(store.count(setup.id(), "TreDispensalFinishedEvent")).as("dispensal finished before the kill")
                .isZero();
        int placedBeforeKill = store.countByAggregate("DataObjectDispensedEvent").size();
        assertThat(placedBeforeKill).as("objects placed before the kill").isLessThan(files.size() + 1);

        jar = jar.restart();
        Dx again = jar.dx();
        JsonNode done = await("the dispensal to finish after the restart", () -> dispensal(again, member, project),
                d -> !d.isNull() && List.of("done", "failed").contains(d.get("state").asText()));
        assertThat(done.get("state").asText()).as("dispensal " + done).isEqualTo("done");
        assertThat(done.get("objects")).hasSize(files.size() + 1);
        jar.stop();

        store = StoredEvents.h2(dataDir);
        Map<String, Integer> clones = store.countByAggregate("DataObjectClonedEvent");
        Map<String, Integer> marks = store.countByAggregate("DataObjectDispensedEvent");
        List<String> objects = new ArrayList<>(files);
        objects.add(inventory);
        for (String object : objects) {
            assertThat(clones.getOrDefault(object, 0)).as("times " + object + " was copied").isEqualTo(1);
            assertThat(marks.getOrDefault(object, 0)).as("times " + object + " was marked").isEqualTo(1);
        }
        assertThat(store.count(setup.id(), "TreDispensalStartedEvent")).as("dispensal started").isEqualTo(1);
        assertThat(store.count(setup.id(), "TreDispensalFinishedEvent")).as("dispensal finished").isEqualTo(1);
    }

    private static JsonNode dispensal(Dx dx, String token, String project) {
        return dx.post("/" + project + "/describe", token, Dx.obj("fields", Dx.obj("treDispensal", true)))
                .expectOk().body().get("treDispensal");
    }

    /** The files a dispensal copies, made a few at a time. */
    private static List<String> newFiles(Dx dx, String admin, String project) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < DISPENSED_FILES; i++) {
                String name = "f" + i + ".vcf";
                made.add(clients.submit(() -> Scenario.id(dx.post("/file/new", admin, Dx.obj("project", project,
                        "name", name, "content", name)))));
            }
            List<String> files = new ArrayList<>();
            for (Future<String> file : made) {
                files.add(file.get());
            }
            return files;
        } finally {
            clients.shutdownNow();
        }
    }

    private JarProcess.Config onH2(String name) {
        return JarProcess.named(name)
                .env("TRE_DATA_DIR", dataDir)
                .env("TRE_ADMIN_TOKEN", OPERATOR)
                .property("tre.rate-limit.per-second=100000")
                .property("tre.rate-limit.burst=100000");
    }

    /** The TRE's projects, made as fast as the service takes them: a few requests at a time. */
    private static List<String> newTreProjects(Dx dx, String member, String request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < PROJECTS; i++) {
                String name = "p" + i;
                made.add(clients.submit(() -> Scenario.id(dx.post("/project/new", member,
                        Dx.obj("name", name, "treApplication", request, "dispense", false)))));
            }
            List<String> projects = new ArrayList<>();
            for (Future<String> project : made) {
                projects.add(project.get());
            }
            return projects;
        } finally {
            clients.shutdownNow();
        }
    }

    private List<StoredEvents.Event> grantsTo(String project, String user) {
        return StoredEvents.h2(dataDir).ofType("ProjectAccessGrantedEvent").stream()
                .filter(e -> e.aggregate().equals(project))
                .filter(e -> e.payload().contains("\"principal\":\"" + user + "\""))
                .toList();
    }

    private static JsonNode policySync(Dx dx, String admin, String tre) {
        return dx.post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("policySync", true))).expectOk().body()
                .get("policySync");
    }

    /** Polls until {@code done} holds; answers the value that made it hold. */
    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + RESUMED_WITHIN.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("waiting for " + what + "; last seen: " + last).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
