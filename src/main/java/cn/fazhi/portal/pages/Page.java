package cn.fazhi.portal.pages;

/**
 * One page of the site, ready to bake: where it goes, the template that lays it out
 * ({@code templates/<template>.ftl}) and the values the template shows.
 */
public record Page(Address address, String template, PageModel model) {

    /** The output path, e.g. {@code 2023/leadership.html}. */
    public String path() {
        return address.path();
    }
}
