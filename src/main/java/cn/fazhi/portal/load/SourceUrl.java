package cn.fazhi.portal.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The official publication's address ({@code :source-url:}): pages link to it, so it must be a
 * plain http(s) address with a host. Any other scheme ({@code javascript:}, {@code file:}) would
 * put a script or a local file behind the 原文链接, and a user name before the host
 * ({@code http://gov.cn@evil.example/}) would show one site and open another. The site's own
 * address ({@link BaseUrl}) must be such an address too, with more rules of its own.
 */
final class SourceUrl {

    private SourceUrl() {
    }

    /** What is wrong with {@code url}, if anything. */
    static Optional<String> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a well-formed web address");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return Optional.of("it must start with https:// or http://");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("it has a user name before the host ('…@')");
        }
        if (uri.getHost() == null) {
            return Optional.of("it has no host name such as example.gov.cn");
        }
        return Optional.empty();
    }
}
