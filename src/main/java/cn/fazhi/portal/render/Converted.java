package cn.fazhi.portal.render;

import cn.fazhi.portal.load.TextFile;

import java.util.Map;

/**
 * What the {@code convert} stage made: every AsciiDoc file of the site, converted, by file.
 *
 * @param byName the converted files by {@link TextFile#name()}
 */
public record Converted(Map<String, Fragment> byName) {

    public Converted {
        byName = Map.copyOf(byName);
    }

    /** The converted {@code file}. */
    public Fragment of(TextFile file) {
        Fragment f = byName.get(file.name());
        if (f == null) {
            throw new IllegalArgumentException("not converted: " + file.name());
        }
        return f;
    }

    /** The same, with {@code file} converted anew (the preview's quick update of one edited section). */
    public Converted with(TextFile file, Fragment fragment) {
        Map<String, Fragment> copy = new java.util.HashMap<>(byName);
        copy.put(file.name(), fragment);
        return new Converted(copy);
    }
}
