package cn.fazhi.portal.bake;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.theme.Theme;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A template's error as editors need it: the template, the line and what went wrong in plain words, never a stack trace. */
final class TemplateProblems {

    private static final Pattern TEMPLATE_ERROR =
            Pattern.compile("(?s)in template \"([^\"]+)\" (?:at|in) line (\\d+)"); // a run-time error, a syntax error

    private TemplateProblems() {
    }

    /**
     * Freemarker names the template and line in its message; editors get that, not a stack trace.
     *
     * @param inSource whether a template name ({@code section.ftl}) is the source's own file
     * @param builtIn  whether the built-in theme has a template of that name, which the source's then overrides
     */
    static Problem of(String page, Throwable error, Predicate<String> inSource, Predicate<String> builtIn) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String message = all.toString();
        Matcher m = TEMPLATE_ERROR.matcher(message);
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String first = firstLine(String.valueOf(root.getMessage()), String.valueOf(root));
        if (m.find()) {
            String plain = plain(first);
            String name = "templates/" + m.group(1);
            if (!inSource.test(m.group(1))) {
                // A built-in template failed: only the source's overrides of the templates it uses can cause that.
                return Problem.at(Theme.shown(name), Integer.parseInt(m.group(2)), "template error while making " + page + ": "
                        + plain, "a template of your own in templates/ that this built-in template uses (layout.ftl?)"
                        + " does not fit it: undo the last change to it, or delete it to use the built-in one");
            }
            boolean overrides = builtIn.test(m.group(1));
            return Problem.at(name, Integer.parseInt(m.group(2)), "template error while making " + page + ": " + plain
                    + (overrides ? " (this file overrides the built-in theme's " + name + ")" : ""), plain.contains(SANDBOX)
                            ? "a template may use only the page's values and the other templates in templates/; undo the last change to this template"
                            : "undo the last change to this template" + (overrides ? ", delete it to use the built-in one" : "")
                            + ", or see the Freemarker manual");
        }
        return Problem.at("templates", 0, "making " + page + " failed: " + first, "run with --verbose for details");
    }

    private static final String MISSING = "The following has evaluated to null or missing: ";
    private static final Pattern SYNTAX = Pattern.compile("Syntax error in template \"[^\"]+\" in line \\d+, (column \\d+): (.*?)(?:, but was expecting.*)?");

    private static final String SANDBOX = "(模板不允许";
    private static final Pattern NEW = Pattern.compile("Instantiating (\\S+) is not allowed in the template for security reasons\\..*");
    private static final Pattern NOT_FOUND = Pattern.compile("Template not found for name \"(.*)\"\\..*");

    /** Freemarker's commonest messages in plain words, each with the Chinese term the other messages give. */
    private static String plain(String freemarker) {
        Matcher refused = NEW.matcher(freemarker);
        if (refused.matches()) {
            return "it makes the Java object " + refused.group(1) + ", which a template may not do " + SANDBOX + "创建 Java 对象)";
        }
        if (freemarker.startsWith("Can't use ?api")) {
            return "it uses ?api, which a template may not use " + SANDBOX + "使用 ?api)";
        }
        Matcher missing = NOT_FOUND.matcher(freemarker);
        if (missing.matches() && (missing.group(1).startsWith("../") || missing.group(1).contains("/../"))) {
            return "it includes \"" + missing.group(1) + "\", outside templates/, which a template may not read "
                    + SANDBOX + "读取 templates/ 以外的文件)";
        }
        if (freemarker.startsWith(MISSING)) {
            return "it uses a value this page does not have: " + freemarker.substring(MISSING.length()) + " (模板引用了不存在的值)";
        }
        Matcher syntax = SYNTAX.matcher(freemarker);
        if (syntax.matches()) {
            return "the template is not well formed at " + syntax.group(1) + ": " + syntax.group(2) + " (模板语法错误)";
        }
        return freemarker + " (模板错误)";
    }

    /**
     * The first line of Freemarker's message, and, when it ends in a colon, the detail on the next
     * line: the missing expression ("The following has evaluated to null or missing:" / "==>
     * content.titel  [in template…]") or what the parser found ("Encountered "/", but…"): it is
     * what the editor has to look for.
     */
    private static String firstLine(String message, String fallback) {
        List<String> lines = message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("----") && !l.startsWith("FTL stack trace")).toList();
        int at = 0;
        while (at < lines.size() && lines.get(at).startsWith("==>")) {
            at++;
        }
        if (at == lines.size()) {
            return fallback;
        }
        String first = lines.get(at);
        if (first.endsWith(":") && at + 1 < lines.size()) {
            // The detail is on the next line: the missing expression, or what the parser found.
            String next = lines.get(at + 1);
            first = first + " " + (next.startsWith("==>") ? next.substring(3).replaceFirst("\\s*\\[in template .*$", "").strip() : next);
        }
        return first;
    }
}
