package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.TreApplication;
import org.tre.api.support.Dx;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * Job logs forwarding on {@code /org-xxxx/update}: the service really announces the change to the
 * org's Splunk HEC endpoint over HTTPS. The endpoint is a JDK HTTPS server on 127.0.0.1 with a
 * self-signed certificate made by keytool; the service trusts it through its own trust store, so
 * this class has its own Spring context.
 */
@SpringBootTest(classes = TreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TRE_ADMIN_TOKEN=" + OrgJobLogsForwardingTest.OPERATOR_TOKEN})
class OrgJobLogsForwardingTest {

    static final String OPERATOR_TOKEN = "jobLogsOperatorToken0123456789abcdef";
    private static final String STORE_PASSWORD = "changeit-test";

    /** What the endpoint received: one entry per request. */
    record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger ANSWER = new AtomicInteger(200);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static HttpsServer splunk;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void endpointAndTrustStore(DynamicPropertyRegistry registry) throws Exception {
        TreApplication.disableUpdateChecks();
        Path dir = Files.createTempDirectory("tre-joblogs-");
        Path serverStore = dir.resolve("splunk.p12");
        Path certificate = dir.resolve("splunk.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "splunk", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", serverStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "splunk", "-keystore", serverStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "splunk-ca", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
        splunk = startEndpoint(serverStore);
        registry.add("tre.data-dir", () -> dir.resolve("data").toString());
        registry.add("tre.job-logs-forwarding.trust-store", trustStore::toString);
        registry.add("tre.job-logs-forwarding.trust-store-password", () -> STORE_PASSWORD);
    }

    @AfterAll
    static void stopEndpoint() {
        if (splunk != null) {
            splunk.stop(0);
        }
    }

    @BeforeEach
    void answerSuccess() {
        ANSWER.set(200);
    }

    // ---------------------------------------------------------------- the announcement

    @Test
    void enablingPostsTheAnnouncementWithTheSplunkTokenToTheEndpoint() throws Exception {
        Org org = licensedOrg();
        String url = url("/services/collector/event");
        String token = "splunk-token-" + NAMES.incrementAndGet();
        int before = RECEIVED.size();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url, "token", token))).expectOk();

        assertThat(RECEIVED).hasSize(before + 1);
        Received received = RECEIVED.get(before);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/services/collector/event");
        assertThat(received.authorization()).isEqualTo("Splunk " + token);
        String message = Dx.JSON.readTree(received.body()).get("event").asText();
        String prefix = org.adminId + ", an admin of " + org.id
                + " is enabling DNAnexus job logs forwarding with these parameters ";
        assertThat(message).startsWith(prefix);
        JsonNode parameters = Dx.JSON.readTree(message.substring(prefix.length()));
        assertThat(parameters.get("url").asText()).isEqualTo(url);
        assertThat(parameters.get("tokenSignature").asText()).isEqualTo(sha256(token));
        assertThat(received.body()).doesNotContain(token);
    }

    @Test
    void describeShowsUrlSignatureAndWhoChangedItButNeverTheToken() {
        Org org = licensedOrg();
        String url = url("/services/collector/event");
        String token = "secret-splunk-token-" + NAMES.incrementAndGet();
        long before = System.currentTimeMillis();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url, "token", token))).expectOk();

        Dx.Response described = dx().post("/" + org.id + "/describe", org.adminToken, "{}").expectOk();
        JsonNode config = described.body().get("jobLogsForwarding");
        assertThat(fieldNames(config)).containsExactlyInAnyOrder("url", "tokenSignature", "updated", "updatedBy");
        assertThat(config.get("url").asText()).isEqualTo(url);
        assertThat(config.get("tokenSignature").asText()).isEqualTo(sha256(token));
        assertThat(config.get("updated").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(config.get("updatedBy").asText()).isEqualTo(org.adminId);
        assertThat(described.raw().body()).doesNotContain(token);
        JsonNode operatorView = dx().post("/" + org.id + "/describe", OPERATOR_TOKEN, "{}").expectOk().body();
        assertThat(operatorView.toString()).doesNotContain(token);
    }

    @Test
    void anEndpointAnsweringAnErrorRefusesTheUpdateAndChangesNothing() {
        Org org = licensedOrg();
        String firstUrl = url("/first");
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", firstUrl, "token", "t1"))).expectOk();
        JsonNode configured = jobLogs(org);

        ANSWER.set(500);
        String failingUrl = url("/failing");
        Dx.Response refused = update(org, org.adminToken, Dx.obj("jobLogsForwarding",
                Dx.obj("url", failingUrl, "token", "t2")));
        assertError(refused, 422, "InvalidInput");
        assertThat(refused.errorMessage()).startsWith("Attempt to upload to " + failingUrl + " failed with 500 ");
        assertThat(refused.errorMessage()).contains("endpoint is down");
        assertThat(jobLogs(org)).isEqualTo(configured);
    }

    @Test
    void anUnreachableEndpointIsInvalidInputAndChangesNothing() throws Exception {
        Org org = licensedOrg();
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "https://127.0.0.1:" + closedPort + "/services/collector/event";
        Dx.Response refused = update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url, "token", "t")));
        assertError(refused, 422, "InvalidInput");
        assertThat(refused.errorMessage()).startsWith("Attempt to upload to " + url + " failed with");
        assertThat(jobLogs(org).isNull()).isTrue();
    }

    @Test
    void anEmptyMappingDisablesForwardingAndMayBeRepeated() {
        Org org = licensedOrg();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url("/on"), "token", "t"))).expectOk();
        assertThat(jobLogs(org).isObject()).isTrue();
        int before = RECEIVED.size();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj())).expectOk();
        assertThat(jobLogs(org).isNull()).isTrue();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj())).expectOk();
        assertThat(jobLogs(org).isNull()).isTrue();
        assertThat(RECEIVED).as("disabling announces nothing").hasSize(before);
    }

    // ---------------------------------------------------------------- refusals before any call out

    @Test
    void theUrlMustStartWithHttps() {
        Org org = licensedOrg();
        int before = RECEIVED.size();
        String plain = url("/x").replace("https://", "http://");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", plain, "token", "t"))), 422,
                "InvalidInput");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", "HTTPS-ish", "token", "t"))),
                422, "InvalidInput");
        assertThat(RECEIVED).hasSize(before);
        assertThat(jobLogs(org).isNull()).isTrue();
    }

    @Test
    void aUrlThatIsNoUrlIsInvalidInput() {
        Org org = licensedOrg();
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", "https://exa mple.org/x",
                "token", "t"))), 422, "InvalidInput");
        assertThat(jobLogs(org).isNull()).isTrue();
    }

    @Test
    void theShapeOfTheInputIsCheckedBeforeTheOrgAndTheToken() {
        Org org = licensedOrg();
        var plainHttp = Dx.obj("jobLogsForwarding", Dx.obj("url", url("/x").replace("https", "http"), "token", "t"));
        assertError(update(new Org("org-nosuch" + NAMES.incrementAndGet(), org.adminId, org.adminToken),
                org.adminToken, plainHttp), 422, "InvalidInput");
        assertError(update(org, limitedToken(org.adminId), plainHttp), 422, "InvalidInput");
        assertError(update(org, limitedToken(org.adminId), Dx.obj("jobLogsForwarding", Dx.obj("url", url("/x")))),
                422, "InvalidInput");
    }

    @Test
    void theUrlIsAtMost1024Characters() {
        Org org = licensedOrg();
        String base = url("/");
        String longest = base + "a".repeat(1024 - base.length());
        String tooLong = longest + "a";
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", tooLong, "token", "t"))),
                422, "InvalidInput");
        assertThat(jobLogs(org).isNull()).isTrue();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", longest, "token", "t"))).expectOk();
        assertThat(jobLogs(org).get("url").asText()).hasSize(1024);
    }

    @Test
    void theMappingIsEmptyOrHoldsExactlyUrlAndToken() {
        Org org = licensedOrg();
        String url = url("/x");
        for (JsonNode bad : List.of(Dx.obj("url", url), Dx.obj("token", "t"), Dx.obj("url", url, "token", "t",
                "index", "main"), Dx.obj("url", url, "token", 5), Dx.obj("url", 5, "token", "t"))) {
            assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", bad)), 422, "InvalidInput");
        }
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", "off")), 422, "InvalidInput");
        assertThat(jobLogs(org).isNull()).isTrue();
    }

    @Test
    void jobLogsForwardingCannotBeUpdatedTogetherWithOtherAttributes() {
        Org org = licensedOrg();
        int before = RECEIVED.size();
        var config = Dx.obj("url", url("/x"), "token", "t");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", config, "name", "New name")), 422,
                "InvalidInput");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", config, "policies",
                Dx.obj("jobReuse", true))), 422, "InvalidInput");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj(), "defaultRegion",
                "aws:us-east-1")), 422, "InvalidInput");
        assertThat(RECEIVED).hasSize(before);
        JsonNode described = dx().post("/" + org.id + "/describe", org.adminToken, "{}").expectOk().body();
        assertThat(described.get("name").asText()).isNotEqualTo("New name");
        assertThat(described.get("jobLogsForwarding").isNull()).isTrue();
    }

    @Test
    void withoutTheLicenseItIsPermissionDeniedAndNothingIsSent() {
        Org org = org();
        int before = RECEIVED.size();
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url("/x"), "token", "t"))),
                401, "PermissionDenied");
        assertError(update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj())), 401, "PermissionDenied");
        assertThat(RECEIVED).hasSize(before);
    }

    @Test
    void aNonAdminIsPermissionDeniedAndNothingIsSent() {
        Org org = licensedOrg();
        String memberId = newUser("member" + NAMES.incrementAndGet());
        dx().post("/" + org.id + "/invite", org.adminToken, Dx.obj("invitee", memberId, "allowBillableActivities", true))
                .expectOk();
        int before = RECEIVED.size();
        var body = Dx.obj("jobLogsForwarding", Dx.obj("url", url("/x"), "token", "t"));
        assertError(update(org, tokenFor(memberId), body), 401, "PermissionDenied");
        assertError(update(org, limitedToken(org.adminId), body), 401, "PermissionDenied");
        assertThat(RECEIVED).hasSize(before);
    }

    @Test
    void describeShowsNullOnceTheLicenseIsWithdrawn() {
        Org org = licensedOrg();
        update(org, org.adminToken, Dx.obj("jobLogsForwarding", Dx.obj("url", url("/x"), "token", "t"))).expectOk();
        assertThat(jobLogs(org).isObject()).isTrue();
        dx().post("/" + org.id + "/setLicenses", OPERATOR_TOKEN, Dx.obj("licenses", Dx.obj("jobLogsForwarding", false)))
                .expectOk();
        assertThat(jobLogs(org).isNull()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private record Org(String id, String adminId, String adminToken) {
    }

    private Org org() {
        String admin = newUser("jladmin" + NAMES.incrementAndGet());
        String token = tokenFor(admin);
        String handle = "jlorg" + NAMES.incrementAndGet();
        String orgId = dx().post("/org/new", token, Dx.obj("handle", handle, "name", "Logs")).expectOk().body()
                .get("id").asText();
        return new Org(orgId, admin, token);
    }

    private Org licensedOrg() {
        Org org = org();
        dx().post("/" + org.id + "/setLicenses", OPERATOR_TOKEN, Dx.obj("billable", true,
                "licenses", Dx.obj("jobLogsForwarding", true))).expectOk();
        return org;
    }

    private Dx.Response update(Org org, String token, Object body) {
        return dx().post("/" + org.id + "/update", token, body);
    }

    private JsonNode jobLogs(Org org) {
        return dx().post("/" + org.id + "/describe", org.adminToken, "{}").expectOk().body().get("jobLogsForwarding");
    }

    private Dx dx() {
        return new Dx(port);
    }

    private String newUser(String username) {
        return dx().post("/user/new", OPERATOR_TOKEN, Dx.obj("username", username, "email", username + "@example.org"))
                .expectOk().body().get("id").asText();
    }

    private String tokenFor(String userId) {
        return dx().post("/system/newAuthToken", OPERATOR_TOKEN, Dx.obj("user", userId)).expectOk().body()
                .get("access_token").asText();
    }

    private String limitedToken(String userId) {
        return dx().post("/system/newAuthToken", OPERATOR_TOKEN, Dx.obj("user", userId,
                        "scope", Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "VIEW"))))
                .expectOk().body().get("access_token").asText();
    }

    private static String url(String path) {
        return "https://127.0.0.1:" + splunk.getAddress().getPort() + path;
    }

    private static String sha256(String text) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static HttpsServer startEndpoint(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int status = ANSWER.get();
            byte[] answer = (status == 200 ? "{\"text\":\"Success\",\"code\":0}"
                    : "{\"text\":\"endpoint is down\",\"code\":8}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }
}
