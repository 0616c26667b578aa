package org.tre.api.dx;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNAnexus's own, unmodified {@code dx} command line (../shared/clients, README.md there) against the
 * service on its random port: the wire protocol is meant to serve it unchanged, and only the real
 * client shows where it does not. A clone without {@code shared/} skips it, saying why; under
 * {@code CI=true} with the client present it must run, so missing Python modules fail it.
 */
class RealDxClientTest extends TrePlatformTest {

    /** Debian's python3 modules dxpy imports on start (README.md of the clients). */
    private static final String MODULES = "urllib3, certifi, dateutil, psutil, crc32c, awscrt, argcomplete, websocket";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Path clients;

    @BeforeAll
    static void requireClient() {
        Path dxpy = Path.of(System.getProperty("dx.clients.dxpy", repositoryRoot().resolve("../shared/clients/dxpy")
                .normalize().toString())).toAbsolutePath();
        Assumptions.assumeTrue(Files.isDirectory(dxpy), "The real dx client is not at " + dxpy
                + " (set -Ddx.clients.dxpy to its dxpy folder)");
        clients = dxpy.getParent();
        String missing = null;
        if (!Files.isExecutable(PYTHON)) {
            missing = PYTHON + " is missing";
        } else if (!Files.isExecutable(clients.resolve("dx"))) {
            missing = "the dx script is not next to " + dxpy;
        } else {
            Result probe = run(List.of(PYTHON.toString(), "-c", "import " + MODULES), null, 0);
            if (probe.exit != 0) {
                missing = "python3 lacks one of " + MODULES + ": " + probe.err.strip();
            }
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(missing + "; under CI=true the real-client test must run (.ci/run installs them)");
            }
            Assumptions.abort(missing);
        }
    }

    @Test
    void whoamiAnswersTheTokensUser() {
        String id = whoami(authorized);
        Result whoami = dx(authorized, "whoami", "--id");
        assertThat(whoami.out.strip()).isEqualTo(id);
        String username = dx().post("/" + id + "/describe", authorized, "{}").expectOk().body().get("handle").asText();
        assertThat(dx(authorized, "whoami").out.strip()).isEqualTo(username);
    }

    @Test
    void aProjectIsMadeFoundDescribedAndShared() {
        String name = unique("dxproject");
        Result made = dx(admin, "new", "project", name, "--bill-to", org, "--region", REGION, "--brief");
        String project = made.out.strip();
        assertThat(project).matches("project-[0-9A-Za-z]{24}");

        Result described = dx(admin, "describe", project);
        assertThat(described.out).contains(project).contains(name).contains(org).contains("ADMINISTER");
        JsonNode asJson = json(dx(admin, "describe", project, "--json"));
        assertThat(asJson.get("id").asText()).isEqualTo(project);
        assertThat(asJson.get("name").asText()).isEqualTo(name);

        Result found = dx(admin, "find", "projects", "--name", name);
        assertThat(found.out).contains(project).contains(name).contains("ADMINISTER");
        String invitee = whoami(outsider);
        assertThat(dx(outsider, "find", "projects", "--name", name).out).doesNotContain(project);

        Result invited = dx(admin, "invite", invitee, project, "VIEW", "--no-email");
        assertThat(invited.out).contains("Invited " + invitee + " to " + project);
        JsonNode theirs = json(dx(outsider, "find", "projects", "--name", name, "--json"));
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("id").asText()).isEqualTo(project);
        assertThat(theirs.get(0).get("level").asText()).isEqualTo("VIEW");
        assertThat(dx(outsider, "find", "projects", "--name", name, "--brief").out.strip()).isEqualTo(project);
    }

    @Test
    void aProjectMadeWithoutBillToIsBilledToTheOneOrgItsCreatorMayBill() {
        String name = unique("dxdefault");
        String project = dx(admin, "new", "project", name, "--brief").out.strip();
        assertThat(project).matches("project-[0-9A-Za-z]{24}");
        JsonNode described = dx().post("/" + project + "/describe", admin, "{}").expectOk().body();
        assertThat(described.get("name").asText()).isEqualTo(name);
        assertThat(described.get("billTo").asText()).isEqualTo(org);
        assertThat(json(dx(admin, "describe", project, "--json")).get("billTo").asText()).isEqualTo(org);
    }

    @Test
    void anOrgsMembersAreListedEvenWithoutTheirNames() {
        String username = unique("nameless");
        String nameless = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username,
                "email", username + "@example.org")).expectOk().body().get("id").asText();
        dx().post("/" + org + "/invite", admin, Dx.obj("invitee", nameless, "level", "MEMBER",
                "suppressEmailNotification", true)).expectOk();
        String adminId = whoami(admin);
        Result members = dx(admin, "find", "org", "members", org);
        assertThat(members.out).contains(adminId).contains(nameless).contains("ADMIN").contains("MEMBER");
        JsonNode asJson = json(dx(admin, "find", "org", "members", org, "--json"));
        assertThat(asJson).extracting(m -> m.get("id").asText()).contains(adminId, nameless);
        JsonNode described = json(dx(admin, "describe", nameless, "--json"));
        assertThat(described.get("first").asText()).isEmpty();
        assertThat(described.get("last").isTextual()).isTrue();
        assertThat(dx(admin, "describe", nameless).out).contains(nameless);
    }

    @Test
    void aTreIsDescribedThroughDxApi() {
        String handle = unique("dxtre").toLowerCase();
        String tre = create("/tre/new", Dx.obj("handle", handle, "name", "Through dx", "description", "d",
                "summary", "s", "billTo", org, "region", REGION));
        JsonNode described = json(dx(admin, "api", tre, "describe"));
        assertThat(described.get("id").asText()).isEqualTo(tre);
        assertThat(described.get("name").asText()).isEqualTo("Through dx");
        assertThat(described.get("billTo").asText()).isEqualTo(org);
        Result refused = run(dxCommand("api", tre, "describe"), outsider, port);
        assertThat(refused.exit).isNotZero();
        assertThat(refused.err + refused.out).contains("PermissionDenied");
    }

    @Test
    void dxRunStartsAJobThatDxDescribesAndTerminates() {
        String project = create("/project/new", Dx.obj("name", unique("dxrun"), "billTo", org, "region", REGION));
        String applet = applet(admin, project, Dx.obj());
        Map<String, String> inProject = Map.of("DX_PROJECT_CONTEXT_ID", project);
        String job = dx(admin, inProject, "", "run", applet, "-in=3", "-y", "--brief").out.strip();
        assertThat(job).matches("job-[0-9A-Za-z]{24}");
        JsonNode described = json(dx(admin, inProject, "", "describe", job, "--json"));
        assertThat(described.get("state").asText()).isEqualTo("runnable");
        assertThat(described.get("applet").asText()).isEqualTo(applet);
        assertThat(described.get("singleContext").asBoolean()).isTrue();
        assertThat(described.get("input").get("n").asInt()).isEqualTo(3);
        assertThat(dx(admin, inProject, "", "describe", job).out).contains(job).contains("runnable").contains(applet);
        dx(admin, inProject, "", "terminate", job);
        assertThat(dx().post("/" + job + "/describe", admin, "{}").expectOk().body().get("state").asText())
                .isEqualTo("terminated");
        assertThat(dx(admin, inProject, "", "find", "jobs", "--project", project, "--brief").out).contains(job);
        assertThat(dx(admin, inProject, "", "find", "jobs", "--project", project).out).contains(job)
                .contains("terminated").contains("count");
    }

    @Test
    void dxRunInATreProjectGetsTheRestrictionThatRefusesIt() {
        String tre = anActiveTre();
        String request = approvedRequest(tre, authorized, reviewer, "ethics");
        String project = requestProject(authorized, request, "analysis");
        Map<String, String> inProject = Map.of("DX_PROJECT_CONTEXT_ID", project);
        String plain = applet(authorized, project, Dx.obj());
        // dx asks whether to go on without an SSH key set up for the account; the answer is yes.
        Result ssh = run(dxCommand("run", plain, "-in=1", "-y", "--allow-ssh", "10.0.0.1"), authorized, port,
                inProject, "y\n");
        assertThat(ssh.exit).as(ssh.out + ssh.err).isNotZero();
        assertThat(ssh.err + ssh.out).contains("PermissionDenied").contains("'allowSSH'");
        String creating = applet(authorized, project, Dx.obj("access", Dx.obj("projectCreation", true)));
        Result projectCreation = run(dxCommand("run", creating, "-in=1", "-y"), authorized, port, inProject, "");
        assertThat(projectCreation.exit).isNotZero();
        assertThat(projectCreation.err + projectCreation.out).contains("PermissionDenied")
                .contains("'projectCreation'");
        String job = dx(authorized, inProject, "", "run", plain, "-in=1", "-y", "--brief").out.strip();
        assertThat(json(dx(authorized, inProject, "", "describe", job, "--json")).get("project").asText())
                .isEqualTo(project);
        assertThat(dx().post("/" + tre + "/history", admin, Dx.obj("types", List.of("TreExecutionRefusedEvent")))
                .expectOk().body().get("results")).extracting(e -> e.get("data").get("restriction").asText())
                .containsExactly("allowSSH", "projectCreation");
    }

    // ---- running dx ----

    private record Result(int exit, String out, String err) {
    }

    /** Runs dx as the token's user and requires it to succeed. */
    private Result dx(String token, String... args) {
        return dx(token, Map.of(), null, args);
    }

    /** With more environment, and {@code stdin} (null for none) given to dx's prompts. */
    private Result dx(String token, Map<String, String> environment, String stdin, String... args) {
        Result result = run(dxCommand(args), token, port, environment, stdin);
        assertThat(result.exit).as("dx %s failed:%n%s%n%s", String.join(" ", args), result.out, result.err)
                .isZero();
        return result;
    }

    private List<String> dxCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(clients.resolve("dx").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Result run(List<String> command, String token, int port) {
        return run(command, token, port, Map.of(), null);
    }

    private static Result run(List<String> command, String token, int port, Map<String, String> environment,
                              String stdin) {
        try {
            Path out = Files.createTempFile("dx-out-", ".txt");
            Path err = Files.createTempFile("dx-err-", ".txt");
            Path conf = Files.createTempDirectory("dx-conf-");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("DX_USER_CONF_DIR", conf.toString());
            if (token != null) {
                builder.environment().put("DX_URL", "http://127.0.0.1:" + port);
                builder.environment().put("DX_TOKEN", token);
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dx did not finish in 60 s: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (java.util.stream.Stream<Path> left = Files.walk(conf)) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(Result result) {
        try {
            return Dx.JSON.readTree(result.out);
        } catch (IOException e) {
            throw new AssertionError("dx did not print JSON: " + result.out, e);
        }
    }

    /** The folder above tre-api holding the reactor's pom.xml: tests run with tre-api as working directory. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tre-api")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
