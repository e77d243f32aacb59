package cn.fazhi.portal.load;

import java.util.List;

/**
 * The portal's own settings, from {@code data/site.yaml}. An empty value is a placeholder for a
 * fact not known yet: pages show it as 待补充, never an invented value.
 *
 * @param name the portal's name shown in every page header and title
 * @param baseUrl absolute URL the site is published under, ending in '/', used for canonical
 *                links and the sitemap; internal links are relative and work under any path
 * @param owner 主办单位, the organisation that runs the site
 * @param contact 联系方式 for the public
 * @param siteIdCode 网站标识码
 * @param icpNumber ICP备案号
 * @param policeNumber 公安机关备案号
 * @param limits how much a build reads (the {@code limits:} block); left out, the defaults
 * @param searchExamples queries the search page offers as examples (the theme names no place's
 *                       work of its own); left out, none
 */
public record SiteConfig(String name, String baseUrl, String owner, String contact, String siteIdCode,
                         String icpNumber, String policeNumber, SourceLimits limits, List<String> searchExamples) {

    public SiteConfig {
        name = orEmpty(name);
        baseUrl = orEmpty(baseUrl);
        if (!baseUrl.isBlank() && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        owner = orEmpty(owner);
        contact = orEmpty(contact);
        siteIdCode = orEmpty(siteIdCode);
        icpNumber = orEmpty(icpNumber);
        policeNumber = orEmpty(policeNumber);
        limits = limits == null ? SourceLimits.DEFAULTS : limits;
        searchExamples = searchExamples == null ? List.of()
                : searchExamples.stream().map(SiteConfig::orEmpty).filter(e -> !e.isEmpty()).toList();
    }

    static SiteConfig empty() {
        return new SiteConfig("", "", "", "", "", "", "", null, null);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(name, url, owner, contact, siteIdCode, icpNumber, policeNumber, limits, searchExamples);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
