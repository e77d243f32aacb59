package cn.fazhi.portal.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One built site open in one headless Chromium for the tests of one class, served under the path of
 * the base URL it was built for, as its host serves it. Nothing starts before a test asks: the site
 * is built (once per test JVM, {@link BuiltSites}) at the first {@link #site()}, the browser at the
 * first {@link #checks()}; the browser is closed after the class. Registered as a static field:
 * <pre>{@code @RegisterExtension static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);}</pre>
 */
public final class SiteInBrowser implements AfterAllCallback {

    private final Supplier<Path> build;
    private Path site;
    private BrowserChecks browser;

    private SiteInBrowser(Supplier<Path> build) {
        this.build = build;
    }

    /** The site {@code build} gives (e.g. {@code BuiltSites::real}), opened when a test first needs it. */
    public static SiteInBrowser of(Supplier<Path> build) {
        return new SiteInBrowser(build);
    }

    /** The built site's folder. */
    public synchronized Path site() {
        if (site == null) {
            site = build.get();
        }
        return site;
    }

    /** The path of the base URL the site was built for, e.g. {@code /fzzf/}. */
    public String basePath() {
        return BuiltSites.basePath(site());
    }

    /** The browser with the site served; skips or fails the calling test when there is no Chromium (policy in {@link BrowserChecks}). */
    public synchronized BrowserChecks checks() {
        if (browser == null) {
            browser = BrowserChecks.start(site(), basePath());
        }
        return browser;
    }

    /** The browser's driver, with whatever page it has open. */
    public ChromeDriver driver() {
        return checks().driver();
    }

    /** The address the site is served from, ending in {@link #basePath()}. */
    public URI baseUri() {
        return checks().baseUri();
    }

    /** Opens {@code page} (a path relative to the site's root, query allowed) and returns the driver. */
    public ChromeDriver open(String page) {
        ChromeDriver driver = driver();
        driver.get(baseUri().resolve(page).toString());
        return driver;
    }

    /** Whether the browser was started (a test's clean-up has nothing to undo otherwise). */
    public synchronized boolean started() {
        return browser != null;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
