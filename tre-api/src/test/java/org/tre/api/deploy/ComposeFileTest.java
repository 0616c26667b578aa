package org.tre.api.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

/**
 * Keeps docker-compose.yml and the Dockerfile honest against the jar they run: no Docker engine is
 * needed, so a profile renamed or a service mistyped fails the build instead of the first deployment.
 */
class ComposeFileTest {

    private static final List<String> ROLES = List.of("directory", "command", "query", "gateway");
    private static final Path ROOT = repositoryRoot();
    private static final Map<String, Map<String, Object>> SERVICES = services();

    @Test
    void theFileParsesAndHasExactlyTheExpectedServices() {
        assertThat(SERVICES).containsOnlyKeys(
                Stream.concat(Stream.of("axonserver", "postgres"), ROLES.stream()).toArray(String[]::new));
    }

    @Test
    void everyRoleRunsTheSameImage() {
        Set<Object> images = ROLES.stream().map(role -> SERVICES.get(role).get("image")).collect(Collectors.toSet());
        Set<Object> builds = ROLES.stream().map(role -> SERVICES.get(role).get("build")).collect(Collectors.toSet());
        assertThat(images).as("image of every role").containsExactly("tre-control-plane:local");
        assertThat(builds).as("build of every role").containsExactly(".");
    }

    @Test
    void everyServiceHasAHealthcheckWithATestCommand() {
        SERVICES.forEach((name, service) -> assertThat(healthcheckTest(service)).as(name)
                .hasSizeGreaterThan(1)
                .first().isIn("CMD", "CMD-SHELL"));
    }

    @Test
    void eachRoleActivatesPostgresAxonServerAndItsOwnRole() {
        ROLES.forEach(role -> assertThat(profiles(role)).as(role)
                .containsExactlyInAnyOrder("postgres", "axonserver", role));
    }

    @Test
    void everyActivatedProfileExistsAndARoleProfileSetsItsOwnRole() {
        ROLES.stream().flatMap(role -> profiles(role).stream()).distinct().forEach(profile -> {
            Map<String, Object> yaml = profileYaml(profile);
            if (ROLES.contains(profile)) {
                assertThat(map(yaml.get("tre")).get("roles")).as("tre.roles in application-%s.yml", profile)
                        .isEqualTo(profile);
            }
        });
    }

    @Test
    void rolesReachAxonServerAtItsGrpcPort() {
        ROLES.forEach(role -> {
            String[] hostAndPort = env(role).get("AXONSERVER_SERVERS").split(":");
            assertThat(hostAndPort).as(role).containsExactly("axonserver", "8124");
        });
        assertThat(SERVICES.get("axonserver").get("image").toString()).startsWith("axoniq/axonserver:");
    }

    @Test
    void rolesReachThePostgresServiceWithItsDatabaseAndCredentials() {
        Map<String, String> postgres = env("postgres");
        Pattern url = Pattern.compile("jdbc:postgresql://([^:/]+):5432/(\\w+)");
        ROLES.forEach(role -> {
            Map<String, String> env = env(role);
            Matcher matcher = url.matcher(env.getOrDefault("SPRING_DATASOURCE_URL", ""));
            assertThat(matcher.matches()).as("%s SPRING_DATASOURCE_URL", role).isTrue();
            assertThat(matcher.group(1)).as(role).isEqualTo("postgres");
            assertThat(matcher.group(2)).as(role).isEqualTo(postgres.get("POSTGRES_DB"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(role).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(role).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        });
    }

    @Test
    void everyDependencyExistsAndHasAHealthcheckWhenAwaitedHealthy() {
        SERVICES.forEach((name, service) -> dependsOn(service).forEach((target, condition) -> {
            assertThat(SERVICES).as("%s depends on", name).containsKey(target);
            if ("service_healthy".equals(condition)) {
                assertThat(SERVICES.get(target)).as("%s, awaited healthy by %s", target, name)
                        .containsKey("healthcheck");
            }
        }));
    }

    @Test
    void everyRoleStartsOnceAxonServerAndPostgresAreHealthy() {
        ROLES.forEach(role -> assertThat(dependsOn(SERVICES.get(role))).as(role)
                .containsEntry("postgres", "service_healthy")
                .containsEntry("axonserver", "service_healthy"));
    }

    @Test
    void theGatewayOpensOnceTheOtherRolesAreHealthy() {
        Map<String, String> dependencies = dependsOn(SERVICES.get("gateway"));
        ROLES.stream().filter(role -> !role.equals("gateway")).forEach(role ->
                assertThat(dependencies).containsEntry(role, "service_healthy"));
    }

    @Test
    void onlyTheGatewayPublishesAPortBeyondLoopback() {
        Map<String, List<String>> published = new HashMap<>();
        SERVICES.forEach((name, service) -> ports(service).stream()
                .filter(port -> !port.startsWith("127.0.0.1:"))
                .forEach(port -> published.computeIfAbsent(name, n -> new ArrayList<>()).add(port)));
        assertThat(published).containsExactly(Map.entry("gateway", List.of("8080:8080")));
        ROLES.stream().filter(role -> !role.equals("gateway"))
                .forEach(role -> assertThat(ports(SERVICES.get(role))).as(role).isEmpty());
    }

    /** Resolved the way Spring Boot resolves ClusterSetup's {@code ${tre.node-id}} from the environment. */
    @Test
    void eachRoleBindsADistinctNodeId() {
        List<String> nodeIds = ROLES.stream().map(role -> {
            StandardEnvironment spring = new StandardEnvironment();
            spring.getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new HashMap<>(env(role))));
            ConfigurationPropertySources.attach(spring);
            return spring.getProperty("tre.node-id");
        }).toList();
        assertThat(nodeIds).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theDirectoryRefusesToStartWithoutTheOperatorToken() {
        assertThat(env("directory").get("TRE_ADMIN_TOKEN")).startsWith("${TRE_ADMIN_TOKEN:?");
    }

    @Test
    void theDockerfileCopiesTheBuiltJarAndInstallsTheRolesHealthcheckTool() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String tool = healthcheckTest(SERVICES.get("gateway")).get(1);
        assertThat(dockerfile).containsPattern("(?m)^COPY .*tre-api/target/tre-api\\.jar ")
                .containsPattern("apt-get install [^\\n]*\\b" + Pattern.quote(tool) + "\\b")
                .contains("rm -rf /var/lib/apt/lists/*");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).as(".dockerignore")
                .contains("*", "!tre-api/target/tre-api.jar");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    /** The services with YAML merge keys ({@code <<:}) resolved, as Compose sees them. */
    private static Map<String, Map<String, Object>> services() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> services = map(map(new Yaml().load(in)).get("services"));
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            services.forEach((name, service) -> byName.put(name, map(service)));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> profileYaml(String profile) {
        String resource = "/application-" + profile + ".yml";
        try (InputStream in = ComposeFileTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            return map(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(String service) {
        Object environment = SERVICES.get(service).get("environment");
        assertThat(environment).as("%s environment, as a map", service).isInstanceOf(Map.class);
        Map<String, String> env = new HashMap<>();
        map(environment).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    private static List<String> profiles(String role) {
        return List.of(env(role).getOrDefault("SPRING_PROFILES_ACTIVE", "").split("\\s*,\\s*"));
    }

    /** A string test is run by the shell, as Compose does; a list is taken as written. */
    private static List<String> healthcheckTest(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).getOrDefault("test", List.of());
        return test instanceof String shell
                ? List.of("CMD-SHELL", shell)
                : ((List<?>) test).stream().map(String::valueOf).toList();
    }

    /** Target service to condition; the short (list) form means service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.getOrDefault("depends_on", Map.of());
        Map<String, String> conditions = new HashMap<>();
        if (dependsOn instanceof List<?> targets) {
            targets.forEach(target -> conditions.put(String.valueOf(target), "service_started"));
        } else {
            map(dependsOn).forEach((target, spec) -> conditions.put(target,
                    String.valueOf(map(spec).getOrDefault("condition", "service_started"))));
        }
        return conditions;
    }

    private static List<String> ports(Map<String, Object> service) {
        return ((List<?>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, Object>) yaml;
    }
}
