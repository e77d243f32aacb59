package cn.fazhi.portal.load;

/**
 * The portal's own settings, from {@code data/site.yaml}.
 *
 * @param name the portal's name shown in every page header and title
 * @param baseUrl absolute URL the site is published under, ending in '/', used for canonical
 *                links and the sitemap; internal links are relative and work under any path
 */
public record SiteConfig(String name, String baseUrl) {

    public SiteConfig {
        if (baseUrl != null && !baseUrl.isBlank() && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(name, url);
    }
}
