package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields every page model has, so every template can rely on them. */
final class PageModels {

    private PageModels() {
    }

    static Map<String, Object> base(Site site, String title, String path, boolean draft) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("path", path);
        String base = site.config().baseUrl();
        m.put("canonical", base == null || base.isBlank() ? "" : Addresses.absolute(base, path));
        m.put("draft", draft);
        var c = site.config();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", c.name());
        s.put("base_url", c.baseUrl());
        s.put("owner", c.owner());
        s.put("contact", c.contact());
        s.put("site_id_code", c.siteIdCode());
        s.put("icp_number", c.icpNumber());
        s.put("police_number", c.policeNumber());
        m.put("site", s);
        m.put("meta", Map.of());
        return m;
    }

    /**
     * The publication facts every report and indicator page shows and declares in the
     * government-site {@code <meta>} tags (SiteName, ColumnName, ArticleTitle, PubDate, ContentSource).
     *
     * @param column the site section (栏目) the page belongs to
     * @param pubDate ISO date or empty when the source states none (never guessed)
     * @param published the same date written in Chinese, or empty
     * @param source 来源: who the text or figures come from
     */
    static void article(Map<String, Object> m, String column, String pubDate, String published, String source) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("column", column);
        meta.put("pubdate", pubDate);
        meta.put("published", published);
        meta.put("source", source);
        m.put("meta", meta);
    }

    private static final java.time.format.DateTimeFormatter CHINESE_DATE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日");

    /** {@link #article} for a page whose text or figures come from {@code report}. */
    static void fromReport(Map<String, Object> m, String column, cn.fazhi.portal.load.Report report) {
        article(m, column, report.published().map(Object::toString).orElse(""),
                report.published().map(CHINESE_DATE::format).orElse(""), String.join("、", report.issuers()));
    }

    static Map<String, Object> crumb(String title, String path) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title);
        c.put("path", path);
        return c;
    }
}
