package cn.fazhi.portal.robust;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every catalogue of bad inputs starts from: the last good site of the fictional fixture,
 * built once per test class into its own temporary folder (see {@link Catalogue}).
 */
abstract class CatalogueTest {

    @TempDir
    static Path tmp;
    static Catalogue.GoodSite good;

    @BeforeAll
    static void buildGoodSite() {
        good = Catalogue.buildGoodSite(tmp);
    }
}
