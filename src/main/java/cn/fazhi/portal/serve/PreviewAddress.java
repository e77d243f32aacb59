package cn.fazhi.portal.serve;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses of a preview: the one given with {@code serve --host}, read without any name
 * lookup, and the web addresses to open it at.
 */
public final class PreviewAddress {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?]?");

    private PreviewAddress() {
    }

    /**
     * The address {@code text} names: an IPv4 or IPv6 address ({@code 0.0.0.0} or {@code ::} for
     * every network interface) or {@code localhost}. A host name is refused rather than looked up:
     * a name can stand for several addresses, and a lookup can wait for the network.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static InetAddress parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        boolean v6 = IPV6.matcher(t).matches();
        if (!IPV4.matcher(t).matches() && !v6) {
            throw new IllegalArgumentException("it is not an IP address");
        }
        try {
            // An IP literal (an IPv6 one in brackets) is read as it is: no name is looked up.
            return InetAddress.getByName(v6 && !t.startsWith("[") ? "[" + t + "]" : t);
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("it is not a well-formed IP address");
        }
    }

    /** The preview's address on this machine, e.g. {@code http://127.0.0.1:8080/}: the wildcard address is reached there. */
    public static String local(InetAddress host, int port) {
        return url(host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : host, port);
    }

    /** Whether other machines can reach a server listening on {@code host}. */
    public static boolean reachableFromOthers(InetAddress host) {
        return !host.isLoopbackAddress();
    }

    /**
     * For a server on every interface ({@code 0.0.0.0}), the addresses other machines may use:
     * one per IPv4 address of this machine's network interfaces that are up, loopback left out.
     */
    public static List<String> network(InetAddress host, int port) {
        if (!host.isAnyLocalAddress()) {
            return reachableFromOthers(host) ? List.of(url(host, port)) : List.of();
        }
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(PreviewAddress::up)
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .map(a -> url(a, port)).sorted().distinct().toList();
        } catch (SocketException e) {
            return List.of(); // the note then says to use this machine's address
        }
    }

    private static boolean up(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    static String url(InetAddress host, int port) {
        String h = host.getHostAddress();
        if (host instanceof Inet6Address) {
            h = "[" + h.replace("%", "%25") + "]"; // a zone (fe80::1%eth0) is written %25 in a URL
        }
        return "http://" + h + ":" + port + "/";
    }
}
