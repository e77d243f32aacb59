package cn.fazhi.portal.publish;

import cn.fazhi.portal.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .github/workflows/release.yml parses as YAML and releases as README says: on a tag v*, only when
 * the tag is the pom's version, after the whole suite, a jar that knows its release folder, its
 * checksum in sha256sum's format, and a GitHub Release with the jar, checksum and SBOM; only that
 * job may write, and only contents. Action versions are left to Dependabot.
 */
class ReleaseWorkflowTest {

    static JsonNode workflow;
    static List<JsonNode> steps = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        workflow = new ObjectMapper(new YAMLFactory()).readTree(Fixtures.REPO.resolve(".github/workflows/release.yml").toFile());
        workflow.path("jobs").path("release").path("steps").forEach(steps::add);
    }

    static int step(Predicate<String> run) {
        for (int i = 0; i < steps.size(); i++) {
            if (run.test(steps.get(i).path("run").asText())) {
                return i;
            }
        }
        throw new AssertionError("no such step in release.yml");
    }

    @Test
    void runsOnVersionTagsOnly() {
        JsonNode on = workflow.path("on");
        assertEquals(List.of("push"), fieldNames(on));
        assertEquals("v*", on.path("push").path("tags").path(0).asText());
        assertFalse(on.path("push").has("branches"));
    }

    @Test
    void onlyTheReleaseJobMayWriteAndOnlyContents() {
        assertEquals(Map.of("contents", "read"), permissions(workflow));
        assertEquals(List.of("release"), fieldNames(workflow.path("jobs")));
        assertEquals(Map.of("contents", "write"), permissions(workflow.path("jobs").path("release")));
        JsonNode checkout = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/checkout@")).findFirst().orElseThrow();
        assertEquals("false", checkout.path("with").path("persist-credentials").asText());
        for (JsonNode s : steps) {
            if (s.has("uses")) {
                assertTrue(s.path("uses").asText().matches("actions/[a-z-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})"), s.toString());
            }
        }
    }

    @Test
    void theTagMustBeThePomsVersionBeforeAnythingIsBuilt() {
        int check = step(run -> run.contains("mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout"));
        String run = steps.get(check).path("run").asText();
        assertTrue(run.contains("\"$TAG\" != \"v$version\"") && run.contains("exit 1"), run);
        assertEquals("${{ github.ref_name }}", steps.get(check).path("env").path("TAG").asText());
        assertTrue(check < step(r -> r.startsWith("mvn -B verify")));
    }

    @Test
    void theJarIsTestedAndBuiltForItsReleaseFolder() {
        int build = step(run -> run.startsWith("mvn -B verify"));
        assertTrue(steps.get(build).path("run").asText().contains("-Dportal.release=$PORTAL_RELEASE"));
        assertEquals("https://github.com/${{ github.repository }}/releases/download/${{ github.ref_name }}",
                steps.get(build).path("env").path("PORTAL_RELEASE").asText());
        // The browser tests need Chromium and ChromeDriver, as in publish.yml.
        assertTrue(step(run -> run.contains("/usr/bin/chromedriver --version")) < build);
    }

    @Test
    void theReleaseHasTheJarItsChecksumAndTheSbom() {
        int checksum = step(run -> run.contains("sha256sum portal.jar > portal.jar.sha256"));
        assertEquals("target", steps.get(checksum).path("working-directory").asText(), "'<hash>  portal.jar', no folder in it");
        int release = step(run -> run.contains("gh release create"));
        String run = steps.get(release).path("run").asText();
        for (String file : new String[] {"target/portal.jar", "target/portal.jar.sha256", "target/portal-sbom.json"}) {
            assertTrue(run.contains(file), file);
        }
        assertEquals("${{ github.token }}", steps.get(release).path("env").path("GH_TOKEN").asText());
        assertTrue(step(r -> r.startsWith("mvn -B verify")) < checksum && checksum < release);
    }

    private static Map<String, String> permissions(JsonNode node) {
        Map<String, String> permissions = new TreeMap<>();
        node.path("permissions").fields().forEachRemaining(e -> permissions.put(e.getKey(), e.getValue().asText()));
        return permissions;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
