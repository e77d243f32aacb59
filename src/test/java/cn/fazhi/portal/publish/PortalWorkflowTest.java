package cn.fazhi.portal.publish;

import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.init.StarterFiles;
import cn.fazhi.portal.init.ToolDownload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow {@code init} writes into a new portal (.github/workflows/publish.yml): it parses as
 * YAML, runs exactly the portal.jar that made it (downloaded, then verified with sha256sum before
 * anything runs it), checks before it builds, and deploys to GitHub Pages with the least
 * permissions, as this repository's own publish.yml does. Structure, not action versions.
 */
class PortalWorkflowTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // of "abc"
    static final String URL = "https://github.com/example-owner/portal/releases/download/v1.2.0/portal.jar";

    /** The workflow of a portal that init made from the classes under test (no release: no download). */
    static JsonNode initialised(Path tmp) throws IOException {
        Cli.Run r = Cli.run("init", tmp.resolve("portal").toString());
        assertEquals(0, r.exit(), r.err());
        return YAML.readTree(Files.readString(tmp.resolve("portal/.github/workflows/publish.yml")));
    }

    /** The workflow as init writes it when run from a released jar. */
    static String released() {
        return StarterFiles.of(new StarterFiles.Settings(Optional.empty(), 2031, new ToolDownload("1.2.0", URL, SHA),
                Optional.empty(), Optional.empty())).stream().filter(f -> f.path().equals(".github/workflows/publish.yml"))
                .findFirst().orElseThrow().text();
    }

    static List<JsonNode> steps(JsonNode workflow, String job) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").path(job).path("steps").forEach(steps::add);
        assertFalse(steps.isEmpty(), "job " + job + " has steps");
        return steps;
    }

    static int first(List<JsonNode> steps, Predicate<String> run) {
        for (int i = 0; i < steps.size(); i++) {
            if (run.test(steps.get(i).path("run").asText())) {
                return i;
            }
        }
        throw new AssertionError("no such step in " + steps);
    }

    @Test
    void itRunsThePortalVersionThatMadeIt(@TempDir Path tmp) throws IOException {
        JsonNode env = initialised(tmp).path("env");
        Properties tool = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/cn/fazhi/portal/tool.properties")) {
            tool.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(tool.getProperty("version"), env.path("PORTAL_VERSION").asText());
        assertFalse(env.path("PORTAL_VERSION").asText().isBlank());
        // Not run from a released jar: left empty, to be filled in, never guessed.
        assertEquals("", env.path("PORTAL_JAR_URL").asText());
        assertEquals("", env.path("PORTAL_SHA256").asText());

        JsonNode releasedEnv = YAML.readTree(released()).path("env");
        assertEquals(Map.of("PORTAL_VERSION", "1.2.0", "PORTAL_JAR_URL", URL, "PORTAL_SHA256", SHA), fields(releasedEnv));
        assertFalse(released().contains("待填写"), "no note to fill anything in when all is known");
    }

    @Test
    void theJarIsVerifiedBeforeAnythingRunsItAndCheckedBeforeTheBuild(@TempDir Path tmp) throws IOException {
        List<JsonNode> steps = steps(initialised(tmp), "build");
        int verify = first(steps, run -> run.contains("sha256sum -c"));
        int firstJava = first(steps, run -> run.contains("java -jar"));
        int check = first(steps, run -> run.matches("(?s).*java -jar \\S+ check --strict.*"));
        int build = first(steps, run -> run.matches("(?s).*java -jar \\S+ build.*"));
        int download = first(steps, run -> run.contains("$PORTAL_JAR_URL") && run.contains("curl"));
        assertTrue(download < verify && verify < firstJava && firstJava <= check && check < build,
                "download, verify, run, check, build: " + List.of(download, verify, firstJava, check, build));
        assertTrue(steps.get(build).path("run").asText().contains("SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\""));
        assertTrue(steps.get(build).path("run").asText().contains("--base-url"));
        assertEquals("${{ steps.pages.outputs.base_url }}", steps.get(build).path("env").path("PAGES_URL").asText());
    }

    /** The download settings are checked first: empty, the run stops there with a message saying what to fill in. */
    @Test
    void theFirstStepStopsTheRunWhenTheDownloadIsNotFilledIn(@TempDir Path tmp) throws Exception {
        JsonNode first = steps(initialised(tmp), "build").get(0);
        Files.createDirectories(tmp.resolve("runner"));
        Process empty = bash(first.path("run").asText(), Map.of("PORTAL_JAR_URL", "", "PORTAL_SHA256", ""), tmp);
        assertEquals(1, empty.waitFor());
        String said = new String(empty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(said.startsWith("::error::PORTAL_JAR_URL or PORTAL_SHA256 is empty"), said);
        assertEquals(0, bash(first.path("run").asText(), Map.of("PORTAL_JAR_URL", URL, "PORTAL_SHA256", SHA), tmp).waitFor());
        assertTrue(Files.readString(tmp.resolve("portal/.github/workflows/publish.yml")).contains("# 待填写"),
                "a comment says what to fill in");
    }

    /** The verification step as written: the jar with the checksum passes, any other jar stops the run. */
    @Test
    void theVerificationStepRefusesAJarWithAnotherChecksum(@TempDir Path tmp) throws Exception {
        List<JsonNode> steps = steps(YAML.readTree(released()), "build");
        String verify = steps.get(first(steps, run -> run.contains("sha256sum -c"))).path("run").asText();
        Path runner = Files.createDirectories(tmp.resolve("runner"));
        Files.writeString(runner.resolve("portal.jar"), "abc");
        assertEquals(0, bash(verify, Map.of("PORTAL_SHA256", SHA, "RUNNER_TEMP", runner.toString()), tmp).waitFor());
        Files.writeString(runner.resolve("portal.jar"), "abd");
        assertNotEquals(0, bash(verify, Map.of("PORTAL_SHA256", SHA, "RUNNER_TEMP", runner.toString()), tmp).waitFor());
    }

    private static Process bash(String script, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void itDeploysToGitHubPagesWithTheLeastPermissions(@TempDir Path tmp) throws IOException {
        JsonNode workflow = initialised(tmp);
        assertEquals("main", workflow.path("on").path("push").path("branches").path(0).asText());
        assertTrue(workflow.path("on").has("pull_request") && workflow.path("on").has("workflow_dispatch"));
        assertEquals(Map.of("contents", "read"), fields(workflow.path("permissions")));
        assertEquals(Map.of("contents", "read", "pages", "read"), fields(workflow.path("jobs").path("build").path("permissions")));
        JsonNode deploy = workflow.path("jobs").path("deploy");
        assertEquals(Map.of("pages", "write", "id-token", "write"), fields(deploy.path("permissions")));
        assertEquals("build", deploy.path("needs").asText());
        assertTrue(deploy.path("if").asText().contains("refs/heads/main"));
        assertEquals("github-pages", deploy.path("environment").path("name").asText());
        assertEquals("pages", deploy.path("concurrency").path("group").asText());
        assertFalse(deploy.path("concurrency").path("cancel-in-progress").asBoolean(true));
        assertTrue(uses(workflow, "deploy").contains("actions/deploy-pages"));

        List<String> build = uses(workflow, "build");
        assertEquals(List.of("actions/checkout", "actions/setup-java", "actions/cache", "actions/configure-pages",
                "actions/upload-pages-artifact", "actions/upload-artifact"), build);
        JsonNode checkout = step(workflow, "actions/checkout").path("with");
        assertEquals("0", checkout.path("fetch-depth").asText());
        assertEquals("false", checkout.path("persist-credentials").asText());
        JsonNode java = step(workflow, "actions/setup-java").path("with");
        assertEquals(List.of("temurin", "17", "jre"),
                List.of(java.path("distribution").asText(), java.path("java-version").asText(), java.path("java-package").asText()));
        assertEquals("target/site", step(workflow, "actions/upload-pages-artifact").path("with").path("path").asText());
    }

    /** As in this repository's publish.yml; here the generator is the jar of PORTAL_VERSION (verified by its SHA-256). */
    @Test
    void theConversionCacheIsKeptBetweenRunsOfTheSameToolVersion(@TempDir Path tmp) throws IOException {
        WorkflowTest.assertKeepsTheConversionCache(steps(initialised(tmp), "build"), "${{ env.PORTAL_VERSION }}");
        WorkflowTest.assertKeepsTheConversionCache(steps(YAML.readTree(released()), "build"), "${{ env.PORTAL_VERSION }}");
    }

    /** GitHub's own actions only, each at a release tag or a full commit, as in this repository's publish.yml. */
    @Test
    void everyActionIsGitHubsOwnAndPinnedToARelease(@TempDir Path tmp) throws IOException {
        JsonNode workflow = initialised(tmp);
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(s -> {
            if (s.has("uses")) {
                assertTrue(s.path("uses").asText().matches("actions/[a-z-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})"), s.toString());
            }
        }));
    }

    private static JsonNode step(JsonNode workflow, String action) {
        for (JsonNode s : steps(workflow, "build")) {
            if (s.path("uses").asText().startsWith(action + "@")) {
                return s;
            }
        }
        throw new AssertionError("no step uses " + action);
    }

    private static List<String> uses(JsonNode workflow, String job) {
        return steps(workflow, job).stream().filter(s -> s.has("uses")).map(s -> s.path("uses").asText().replaceFirst("@.*", "")).toList();
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new TreeMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return fields;
    }
}
