package cn.fazhi.portal.pages;

/**
 * Where one file of the site lives, and the one way to write a link to it: relative from another
 * page ({@link #from}), absolute ({@link #absolute}), or from the base path ({@link #fromBasePath},
 * for the 404 page, which a server shows at any depth). Made only by {@link Addresses}, so every
 * address knows the base URL the site is published under.
 *
 * @param site the base URL and its path
 * @param path the file's path from the site root, e.g. {@code 2023/index.html}
 * @param anchor an element id on that page, or empty
 */
public record Address(Addresses site, String path, String anchor) {

    /** The same page, at the element {@code id}. */
    public Address at(String id) {
        return new Address(site, path, id);
    }

    /** The link from {@code page} to here: relative, so the site works under any path. */
    public String from(Address page) {
        return page.root() + path + hash();
    }

    /** The way from this page up to the site root: {@code ""} or {@code ../} per folder. */
    public String root() {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }

    /**
     * The absolute address: the home page is the base URL itself, every other page its file's
     * address (so it works on any static host, including those that serve no index file for a folder).
     */
    public String absolute() {
        return (path.equals(Addresses.HOME) && anchor.isEmpty() ? site.baseUrl() : site.baseUrl() + path) + hash();
    }

    /** The link that works from any depth of the site: the base URL's path, then this path. */
    public String fromBasePath() {
        return site.basePath() + path + hash();
    }

    /** The path with its anchor, as the site's own files name it ({@code 2023/x.html#p3}). */
    public String pathWithAnchor() {
        return path + hash();
    }

    private String hash() {
        return anchor.isEmpty() ? "" : "#" + anchor;
    }
}
