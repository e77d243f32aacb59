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
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", site.config().name());
        s.put("base_url", site.config().baseUrl() == null ? "" : site.config().baseUrl());
        m.put("site", s);
        return m;
    }

    static Map<String, Object> crumb(String title, String path) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title);
        c.put("path", path);
        return c;
    }
}
