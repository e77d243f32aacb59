package cn.fazhi.portal.robust;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every catalogue of bad inputs starts from: the last good site of the fictional fixture
 * (built once per test JVM and shared, see {@link Catalogue#goodSite()}), and a temporary folder
 * per test class for the damaged copies.
 */
abstract class CatalogueTest {

    @TempDir
    static Path tmp;
    static Catalogue.GoodSite good;

    @BeforeAll
    static void buildGoodSite() {
        good = Catalogue.goodSite();
    }
}
