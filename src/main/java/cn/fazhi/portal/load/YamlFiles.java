package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.stream.Collectors;

/**
 * Reads editors' YAML into typed records and turns every Jackson/SnakeYAML failure into a
 * {@link Problem} that names the file, the line and a fix, instead of a stack trace.
 */
public final class YamlFiles {

    private final ObjectMapper mapper;

    public YamlFiles() {
        // SnakeYAML checks the length as Jackson reads; the depth is Jackson's own count (SnakeYAML
        // counts it only when composing a tree, which Jackson does not). Jackson does not expand
        // aliases, so they cannot multiply here; YamlLines bounds them where SnakeYAML would.
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(YamlLimits.options())
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlLimits.MAX_DEPTH).build())
                .build();
        mapper = new ObjectMapper(factory)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    public <T> T read(TextFile file, Class<T> type) {
        if (file.text().isBlank()) {
            throw new ProblemsException(Problem.at(file.name(), 1, "the file is empty (文件为空)",
                    "see the editors' guide 编辑指南, 添加一个指标, for what this file must contain"));
        }
        try {
            T value = mapper.readValue(file.text(), type);
            if (value == null) {
                throw new ProblemsException(Problem.at(file.name(), 1, "the file holds no data",
                        "see the editors' guide 编辑指南, 添加一个指标"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ProblemsException(describe(file, e));
        }
    }

    static Problem describe(TextFile source, JsonProcessingException e) {
        String file = source.name();
        var yaml = YamlLimits.describe(source, e);
        if (yaml.isPresent()) {
            return yaml.get();
        }
        if (e instanceof StreamConstraintsException c && String.valueOf(c.getMessage()).contains("nesting depth")) {
            return YamlLimits.tooDeep(source);
        }
        String field = e instanceof JsonMappingException jm ? fieldPath(jm) : "";
        String offending = field;
        if (e instanceof UnrecognizedPropertyException u) {
            offending = join(field, u.getPropertyName());
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '")) {
            String m = e.getOriginalMessage();
            offending = join(field, m.substring("Duplicate field '".length(), m.indexOf('\'', "Duplicate field '".length())));
        }
        // Jackson's own location is where it stopped reading, often a line late: find the field itself.
        int line = !offending.isEmpty() ? new YamlLines(source).line(offending) : line(e.getLocation());
        var number = Numbers.describe(source, field, line, String.valueOf(e.getOriginalMessage()));
        if (number.isPresent()) {
            return number.get();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return Problem.at(file, line, "unknown field '" + u.getPropertyName() + "' (未知字段)",
                    "check the spelling; allowed fields here: " + known);
        }
        if (e instanceof InvalidFormatException f) {
            return Problem.at(file, line, "'" + field + "' has the value '" + Problem.quote(String.valueOf(f.getValue()))
                            + "', but it must be " + describeType(f.getTargetType()) + " (类型错误)",
                    "write " + describeType(f.getTargetType()) + ", without quotes or units");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return Problem.at(file, line, "'" + field + "' must be " + describeType(m.getTargetType()) + " (类型错误)",
                    "see the editors' guide 编辑指南, 添加一个指标, for the expected shape");
        }
        String message = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return Problem.at(file, line, firstLine(message).replace("Duplicate field", "duplicate field") + " (字段重复)",
                    "each field may appear once; delete one of them");
        }
        return Problem.at(file, line, firstLine(message), "see the editors' guide 编辑指南, 添加一个指标");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ')";
        }
        if (type == String.class) {
            return "text";
        }
        return "a group of fields";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? 0 : location.getLineNr();
    }
}
