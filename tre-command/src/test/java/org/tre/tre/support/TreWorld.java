package org.tre.tre.support;

import org.tre.messages.Requester;
import org.tre.messages.org.Licenses;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.user.TokenScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One small platform for the Tre fixtures, and the events that bring a TRE into each state.
 *
 * <p>ALICE created the TRE and is its only admin. In {@code org-acme} (the billTo, licensed for TREs):
 * ALICE and BOB are ADMINs with treManagement, OSCAR is an ADMIN without it, DAVE a MEMBER with it,
 * CAROL a MEMBER without it. EVE and FRANK are users in no org. {@code org-other} is a second
 * TRE-licensed org where ALICE is an ADMIN with treManagement. ALICE administers every inventory
 * project; BOB has no access to them.
 */
public final class TreWorld {

    public static final String TRE = "tre-genomics";
    public static final String HANDLE = "genomics";

    public static final String ORG = "org-acme";
    public static final String OTHER_ORG = "org-other";
    public static final String UNLICENSED_ORG = "org-plain";
    public static final String SUPPORT_ORG = "org-support";
    public static final String NO_SUCH_ORG = "org-nowhere";

    public static final String US_EAST = "aws:us-east-1";
    public static final String AZURE = "azure:westus";

    public static final String ALICE = "user-alice";
    public static final String BOB = "user-bob";
    public static final String CAROL = "user-carol";
    public static final String DAVE = "user-dave";
    public static final String OSCAR = "user-oscar";
    public static final String EVE = "user-eve";
    public static final String FRANK = "user-frank";
    public static final String NOBODY = "user-nobody";

    public static final String P_FILE = "project-file";
    public static final String P_DATA = "project-data";
    public static final String P_SHOW = "project-show";
    public static final String P_DTG = "project-dtg";
    public static final String P_ASSAY = "project-assay";
    public static final String P_WORK = "project-work";
    public static final String P_OTHER_BILLTO = "project-otherbillto";
    public static final String P_AZURE = "project-azure";
    public static final String NO_SUCH_PROJECT = "project-nowhere";

    public static final String FILE = "file-inventory";
    public static final String DATASET = "record-dataset";
    public static final String SHOWCASE = "record-showcase";
    public static final String DTG = "file-dtg";
    public static final String ASSAY_DATASET = "record-assay";
    public static final String OTHER_BILLTO_FILE = "file-otherbillto";
    public static final String AZURE_FILE = "file-azure";
    public static final String DATABASE = "database-pidmap";
    public static final String PID_MAP = "assay_pid_map";

    public static final String STEP = "ethics";
    public static final String STEP2 = "science";

    private TreWorld() {
    }

    public static InMemoryTreDirectory directory() {
        InMemoryTreDirectory directory = new InMemoryTreDirectory()
                .billingOrg(ORG, Licenses.TRE_MANAGEMENT)
                .regions(ORG, US_EAST, AZURE)
                .billingOrg(OTHER_ORG, Licenses.TRE_MANAGEMENT)
                .billingOrg(UNLICENSED_ORG)
                .billingOrg(SUPPORT_ORG)
                .member(ORG, ALICE, "ADMIN", true)
                .member(ORG, BOB, "ADMIN", true)
                .member(ORG, OSCAR, "ADMIN", false)
                .member(ORG, DAVE, "MEMBER", true)
                .member(ORG, CAROL, "MEMBER", false)
                .member(OTHER_ORG, ALICE, "ADMIN", true)
                .member(UNLICENSED_ORG, ALICE, "ADMIN", true)
                .user(EVE, FRANK)
                .database(PID_MAP);
        for (String project : List.of(P_FILE, P_DATA, P_SHOW, P_DTG, P_ASSAY, P_WORK)) {
            directory.project(project, ORG, US_EAST).level(project, ALICE, "ADMINISTER");
        }
        directory.project(P_OTHER_BILLTO, OTHER_ORG, US_EAST).level(P_OTHER_BILLTO, ALICE, "ADMINISTER")
                .project(P_AZURE, ORG, AZURE).level(P_AZURE, ALICE, "ADMINISTER")
                .object(FILE, "file", P_FILE)
                .object(DATASET, "record", P_DATA)
                .object(SHOWCASE, "record", P_SHOW)
                .object(DTG, "file", P_DTG)
                .object(ASSAY_DATASET, "record", P_ASSAY)
                .object(OTHER_BILLTO_FILE, "file", P_OTHER_BILLTO)
                .object(AZURE_FILE, "file", P_AZURE)
                .object(DATABASE, "database", P_ASSAY);
        return directory;
    }

    // ---- callers ----

    /** The user with a full-scope token: how commands are sent wherever the token's scope is not the point. */
    public static Requester as(String user) {
        return Requester.withFullScope(user);
    }

    /** The user with a token limited to one project (DECISIONS.md "Token scope"). */
    public static Requester withLimitedToken(String user) {
        return new Requester(user, TokenScope.limitedTo(Map.of(P_SHOW, "VIEW")));
    }

    // ---- inventories ----

    public static Assay assay() {
        return new Assay("genotype", P_ASSAY, P_WORK, ASSAY_DATASET, PID_MAP);
    }

    /** Every section filled, every reference valid. */
    public static Inventory inventory(String version) {
        return new Inventory(version, new ObjectRef(P_FILE, FILE), new ObjectRef(P_DATA, DATASET),
                new ObjectRef(P_SHOW, SHOWCASE), new ObjectRef(P_DTG, DTG), List.of(assay()));
    }

    public static Inventory withFile(Inventory i, ObjectRef file) {
        return new Inventory(i.version(), file, i.dataset(), i.showcase(), i.dataTypeGroups(), i.assays());
    }

    public static Inventory withDataset(Inventory i, ObjectRef dataset) {
        return new Inventory(i.version(), i.file(), dataset, i.showcase(), i.dataTypeGroups(), i.assays());
    }

    public static Inventory withShowcase(Inventory i, ObjectRef showcase) {
        return new Inventory(i.version(), i.file(), i.dataset(), showcase, i.dataTypeGroups(), i.assays());
    }

    public static Inventory withDataTypeGroups(Inventory i, ObjectRef dataTypeGroups) {
        return new Inventory(i.version(), i.file(), i.dataset(), i.showcase(), dataTypeGroups, i.assays());
    }

    public static Inventory withAssays(Inventory i, Assay... assays) {
        return new Inventory(i.version(), i.file(), i.dataset(), i.showcase(), i.dataTypeGroups(), List.of(assays));
    }

    // ---- events ----

    public static TreCreatedEvent created() {
        return created(false);
    }

    public static TreCreatedEvent created(boolean customizedRateCard) {
        return new TreCreatedEvent(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", ORG, US_EAST,
                customizedRateCard, false, ALICE);
    }

    public static TreInventorySetEvent inventorySet(String version, boolean replacedPending) {
        return new TreInventorySetEvent(TRE, inventory(version), replacedPending);
    }

    /** {@code setPolicies {}}: nothing changed, all ten still unenforced. */
    public static TrePoliciesSetEvent policiesSet() {
        return new TrePoliciesSetEvent(TRE, Map.of(), Policies.none());
    }

    /** The policies event of a merge: the changes, and all ten after them. */
    public static TrePoliciesSetEvent policiesSet(Map<String, Boolean> before, Map<String, Boolean> changed) {
        Map<String, Boolean> after = new LinkedHashMap<>(before);
        after.putAll(changed);
        return new TrePoliciesSetEvent(TRE, changed, after);
    }

    public static ApplicationReviewStepAddedEvent stepAdded(String stepId) {
        return new ApplicationReviewStepAddedEvent(TRE, stepId, "Step " + stepId, "Reviews " + stepId);
    }

    public static ApplicationReviewersAddedEvent reviewersAdded(String stepId, String... users) {
        return new ApplicationReviewersAddedEvent(TRE, stepId, List.of(users));
    }

    public static TreActivatedEvent activated(String activatedVersion, String deactivatedVersion) {
        return new TreActivatedEvent(TRE, activatedVersion, deactivatedVersion, ORG, US_EAST);
    }

    public static TreDeactivatedEvent deactivated() {
        return new TreDeactivatedEvent(TRE);
    }

    public static TreDeletedEvent deleted() {
        return new TreDeletedEvent(TRE, List.of(ALICE));
    }

    /** Everything activation needs, in draft: inventory 1.0.0, policies, one step with EVE reviewing. */
    public static List<Object> readyDraft() {
        return List.of(created(), inventorySet("1.0.0", false), policiesSet(), stepAdded(STEP),
                reviewersAdded(STEP, EVE));
    }

    public static List<Object> draft() {
        return List.of(created());
    }

    public static List<Object> active() {
        return plus(readyDraft(), activated("1.0.0", null));
    }

    public static List<Object> amending() {
        return plus(active(), deactivated());
    }

    public enum Lifecycle {
        DRAFT, ACTIVE, AMENDING;

        public List<Object> events() {
            return switch (this) {
                case DRAFT -> draft();
                case ACTIVE -> active();
                case AMENDING -> amending();
            };
        }
    }

    public static List<Object> plus(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** A map that, unlike Map.of, holds null values (an unenforced policy). */
    public static Map<String, Boolean> map(Object... keysAndValues) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Boolean) keysAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Boolean> noPolicies() {
        return new HashMap<>(Policies.none());
    }
}
