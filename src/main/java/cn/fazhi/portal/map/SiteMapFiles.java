package cn.fazhi.portal.map;

import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;

import java.util.List;

/**
 * The files search engines read: {@code sitemap.xml} (every page but the 404 page, by absolute
 * address, in the site's order) and {@code robots.txt}.
 */
public final class SiteMapFiles {

    private SiteMapFiles() {
    }

    /** sitemap.xml and robots.txt for {@code pages}. */
    public static List<OutputFile> of(List<Page> pages, Addresses at) {
        return List.of(OutputFile.text(at.sitemapXml().path(), sitemapXml(pages, at)),
                OutputFile.text(at.robots().path(), robotsTxt(at)));
    }

    static String sitemapXml(List<Page> pages, Addresses at) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page page : pages) {
            if (!page.address().equals(at.notFound())) {
                x.append("  <url><loc>").append(Xml.escape(page.address().absolute())).append("</loc></url>\n");
            }
        }
        return x.append("</urlset>\n").toString();
    }

    static String robotsTxt(Addresses at) {
        return "# Crawlers read robots.txt only at the root of a host. When the site is served from a\n"
                + "# sub-path, copy the Sitemap line into the host's own /robots.txt (see README, Publishing).\n"
                + "User-agent: *\n"
                + "Disallow:\n"
                + "\n"
                + "Sitemap: " + at.sitemapXml().absolute() + "\n";
    }
}
