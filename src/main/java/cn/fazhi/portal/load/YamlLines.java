package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.ProblemsException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML file stands, by path ({@code values[3].section}), so that checks done
 * after mapping (an unknown indicator, a duplicate id) can still name the editor's line. The file
 * is read for this only when a line is asked for, that is, when there is a problem to report: a
 * clean build does not parse its YAML twice. A file that is not YAML, or goes past a bound of
 * {@link YamlLimits}, is reported as such, at its line: that is then the problem to fix first.
 */
final class YamlLines {

    private final TextFile file;
    private Map<String, Integer> lines;
    private Map<String, String> scalars;

    YamlLines(TextFile file) {
        this.file = file;
    }

    private Map<String, Integer> lines() {
        if (lines == null) {
            lines = new HashMap<>();
            scalars = new HashMap<>();
            Node root;
            try {
                root = new Yaml(YamlLimits.options()).compose(new StringReader(file.text()));
            } catch (YAMLException e) {
                throw new ProblemsException(YamlLimits.describe(file, e).orElseThrow());
            }
            if (root != null) {
                walk(root, "");
            }
        }
        return lines;
    }

    /** The 1-based line of the value at {@code path}, or of its nearest known parent, or 1. */
    int line(String path) {
        Map<String, Integer> lines = lines();
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }

    /** The value at {@code path} as the editor wrote it ({@code 1e99999999}), if it is a single value. */
    String written(String path) {
        lines();
        return scalars.get(path);
    }

    private void walk(Node node, String path) {
        lines.put(path, node.getStartMark().getLine() + 1);
        if (node instanceof ScalarNode scalar) {
            scalars.put(path, scalar.getValue());
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    walk(t.getValueNode(), child);
                    lines.put(child, t.getKeyNode().getStartMark().getLine() + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                walk(seq.getValue().get(i), path + "[" + i + "]");
            }
        }
    }
}
