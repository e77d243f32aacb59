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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .github/workflows/publish.yml parses as YAML and says what README promises: tests and build on
 * every push and pull request, a GitHub Pages deployment from main that is never cancelled, a
 * preview artifact for pull requests, and the current major version of each action.
 */
class WorkflowTest {

    /** The current major versions (checked against the actions' releases, see README). */
    static final Map<String, String> ACTIONS = Map.of(
            "actions/checkout", "v7",
            "actions/setup-java", "v6",
            "actions/configure-pages", "v6",
            "actions/upload-pages-artifact", "v5",
            "actions/deploy-pages", "v5",
            "actions/upload-artifact", "v7");

    static JsonNode workflow;

    @BeforeAll
    static void parse() throws IOException {
        workflow = new ObjectMapper(new YAMLFactory()).readTree(Fixtures.REPO.resolve(".github/workflows/publish.yml").toFile());
    }

    static List<JsonNode> steps(String job) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").path(job).path("steps").forEach(steps::add);
        assertFalse(steps.isEmpty(), "job " + job + " has steps");
        return steps;
    }

    static JsonNode step(String job, String action) {
        return steps(job).stream().filter(s -> s.path("uses").asText().startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError(job + " does not use " + action));
    }

    @Test
    void runsOnPushToMainAndOnPullRequests() {
        JsonNode on = workflow.path("on");
        assertEquals("main", on.path("push").path("branches").path(0).asText());
        assertTrue(on.has("pull_request"));
    }

    @Test
    void everyActionIsAtItsCurrentMajorVersion() {
        Map<String, String> used = new TreeMap<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(s -> {
            if (s.has("uses")) {
                String[] at = s.path("uses").asText().split("@");
                used.put(at[0], at[1]);
            }
        }));
        assertEquals(new TreeMap<>(ACTIONS), used);
    }

    @Test
    void theBuildJobTestsWithCiRunOnTemurin17AndCachesMaven() {
        JsonNode java = step("build", "actions/setup-java").path("with");
        assertEquals("temurin", java.path("distribution").asText());
        assertEquals("17", java.path("java-version").asText());
        assertEquals("maven", java.path("cache").asText());
        assertTrue(steps("build").stream().anyMatch(s -> s.path("run").asText().strip().equals("bash .ci/run")));
        // The build itself runs in a JVM with the JIT's first tier (cli.FirstTierJit): no options needed.
        assertTrue(steps("build").stream().anyMatch(s -> s.path("run").asText().contains("java -jar target/portal.jar build")));
    }

    @Test
    void mainIsDeployedToGitHubPagesAndADeploymentInProgressIsNeverCancelled() {
        JsonNode upload = step("build", "actions/upload-pages-artifact");
        assertEquals("target/site", upload.path("with").path("path").asText());
        assertEquals("github.event_name != 'pull_request'", upload.path("if").asText());

        JsonNode deploy = workflow.path("jobs").path("deploy");
        assertEquals("build", deploy.path("needs").asText());
        assertTrue(deploy.path("if").asText().contains("refs/heads/main"));
        assertEquals("github-pages", deploy.path("environment").path("name").asText());
        assertEquals("write", deploy.path("permissions").path("pages").asText());
        assertEquals("write", deploy.path("permissions").path("id-token").asText());
        assertEquals("pages", deploy.path("concurrency").path("group").asText());
        assertFalse(deploy.path("concurrency").path("cancel-in-progress").asBoolean(true));
        step("deploy", "actions/deploy-pages");
    }

    @Test
    void aPullRequestUploadsTheBuiltSiteAsAPreviewArtifact() {
        JsonNode preview = step("build", "actions/upload-artifact");
        assertEquals("github.event_name == 'pull_request'", preview.path("if").asText());
        assertEquals("target/site", preview.path("with").path("path").asText());
        assertEquals("error", preview.path("with").path("if-no-files-found").asText());
        assertEquals("read", workflow.path("permissions").path("contents").asText(), "least privilege by default");
    }
}
