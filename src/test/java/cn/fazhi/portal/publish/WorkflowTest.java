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
 * preview artifact for pull requests, the generator's SBOM kept with every run, and the least
 * permissions each job needs. Action versions are left to Dependabot (.github/dependabot.yml), so
 * only their form is checked here.
 */
class WorkflowTest {

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

    static JsonNode named(String job, String name) {
        return steps(job).stream().filter(s -> s.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(job + " has no step named " + name));
    }

    @Test
    void runsOnPushToMainAndOnPullRequests() {
        JsonNode on = workflow.path("on");
        assertEquals("main", on.path("push").path("branches").path(0).asText());
        assertTrue(on.has("pull_request"));
    }

    /** GitHub's own actions only, each at a release tag or a full commit, never at a branch. */
    @Test
    void everyActionIsGitHubsOwnAndPinnedToARelease() {
        List<String> used = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(s -> {
            if (s.has("uses")) {
                used.add(s.path("uses").asText());
            }
        }));
        assertTrue(used.size() >= 6, "the workflow uses actions: " + used);
        for (String action : used) {
            assertTrue(action.matches("actions/[a-z-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})"), action);
        }
    }

    /** Read-only by default; only the deployment may write, and only to Pages with its identity token. */
    @Test
    void everyJobHasTheLeastPermissionsItNeeds() {
        assertEquals(Map.of("contents", "read"), permissions(workflow));
        assertEquals(Map.of("contents", "read", "pages", "read"), permissions(workflow.path("jobs").path("build")));
        assertEquals(Map.of("pages", "write", "id-token", "write"), permissions(workflow.path("jobs").path("deploy")));
        assertEquals(java.util.Set.of("build", "deploy"), fieldNames(workflow.path("jobs")));
        assertEquals("false", step("build", "actions/checkout").path("with").path("persist-credentials").asText(),
                "the checkout leaves no token in .git/config for later steps");
        assertEquals("0", step("build", "actions/checkout").path("with").path("fetch-depth").asText(),
                "the whole history: 更新日期 and the corrections are read from it");
    }

    private static Map<String, String> permissions(JsonNode node) {
        Map<String, String> permissions = new TreeMap<>();
        node.path("permissions").fields().forEachRemaining(e -> permissions.put(e.getKey(), e.getValue().asText()));
        return permissions;
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void dependabotProposesGroupedWeeklyUpdatesOfMavenAndTheActions() throws IOException {
        JsonNode dependabot = new ObjectMapper(new YAMLFactory()).readTree(Fixtures.REPO.resolve(".github/dependabot.yml").toFile());
        assertEquals(2, dependabot.path("version").asInt());
        Map<String, String> ecosystems = new TreeMap<>();
        dependabot.path("updates").forEach(u -> {
            assertEquals("/", u.path("directory").asText());
            assertTrue(u.path("groups").size() > 0, u + " groups its updates");
            ecosystems.put(u.path("package-ecosystem").asText(), u.path("schedule").path("interval").asText());
        });
        assertEquals(Map.of("maven", "weekly", "github-actions", "weekly"), ecosystems);
    }

    @Test
    void everyRunKeepsTheSbomOfTheGenerator() {
        JsonNode sbom = named("build", "Upload the SBOM of the generator");
        assertTrue(sbom.path("uses").asText().startsWith("actions/upload-artifact@"));
        assertFalse(sbom.has("if"), "on pushes and pull requests alike");
        assertEquals("target/portal-sbom.json", sbom.path("with").path("path").asText());
        assertEquals("error", sbom.path("with").path("if-no-files-found").asText());
    }

    @Test
    void theBuildJobTestsWithCiRunOnTemurin17AndCachesMaven() {
        JsonNode java = step("build", "actions/setup-java").path("with");
        assertEquals("temurin", java.path("distribution").asText());
        assertEquals("17", java.path("java-version").asText());
        assertEquals("maven", java.path("cache").asText());
        assertTrue(steps("build").stream().anyMatch(s -> s.path("run").asText().strip().equals("bash .ci/run")));
        // Every number of the real report accounted for: a warning fails the run.
        assertTrue(steps("build").stream().anyMatch(s -> s.path("run").asText().strip().equals("java -jar target/portal.jar check --strict")));
        // The build itself runs in a JVM with the JIT's first tier (cli.FirstTierJit): no options needed.
        assertTrue(steps("build").stream().anyMatch(s -> s.path("run").asText().contains("java -jar target/portal.jar build")));
    }

    /**
     * The conversion cache is kept between runs (README, "CI keeps the conversion cache"): restored
     * before the first command that converts, from the folder the build really uses, under a key that
     * names the generator ({@code generator}: what identifies it in this workflow), the theme and the
     * content; a fallback never crosses to another generator or another OS.
     */
    static void assertKeepsTheConversionCache(List<JsonNode> steps, String generator) {
        int cache = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("uses").asText().startsWith("actions/cache@")) {
                cache = i;
            }
        }
        assertTrue(cache >= 0, "a step uses actions/cache");
        for (int i = 0; i < cache; i++) {
            assertFalse(steps.get(i).path("run").asText().matches("(?s).*java -jar \\S+ (check|build).*"),
                    "the cache is restored before the first check or build: " + steps.get(i));
        }
        JsonNode with = steps.get(cache).path("with");
        // The folder check and build keep their cache in when no --cache is given, on a runner ($HOME, no XDG_CACHE_HOME).
        java.nio.file.Path home = java.nio.file.Path.of("/home/runner");
        assertEquals(home.resolve(".cache/portal"),
                cn.fazhi.portal.render.CacheFolders.forOutput(home.resolve("work/site"), Map.of(), home).getParent());
        assertEquals("~/.cache/portal", with.path("path").asText());
        String key = with.path("key").asText();
        String prefix = "portal-conversions-${{ runner.os }}-" + generator + "-";
        assertTrue(key.startsWith(prefix), key);
        assertTrue(key.contains("hashFiles('templates/**', 'assets/**', 'content/pages/**')"), "the theme: " + key);
        assertTrue(key.endsWith("-${{ hashFiles('content/**', 'data/**') }}"), "the content, so a changed site saves a new cache: " + key);
        List<String> restore = with.path("restore-keys").asText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertFalse(restore.isEmpty(), "restore-keys");
        for (String r : restore) {
            assertTrue(key.startsWith(r) && r.startsWith(prefix), "a fallback within the same generator and OS: " + r);
        }
    }

    @Test
    void theConversionCacheIsKeptBetweenRunsOfTheSameGenerator() {
        assertKeepsTheConversionCache(steps("build"), "${{ hashFiles('pom.xml', 'src/main/**') }}");
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
        JsonNode preview = named("build", "Upload the site as a preview");
        assertEquals("github.event_name == 'pull_request'", preview.path("if").asText());
        assertEquals("target/site", preview.path("with").path("path").asText());
        assertEquals("error", preview.path("with").path("if-no-files-found").asText());
        assertEquals("read", workflow.path("permissions").path("contents").asText(), "least privilege by default");
    }
}
