package cn.fazhi.portal.load;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The printed values of a {@code data/<year>.yaml} as a past commit held it, for corrections.
 * Read leniently: a past version was checked when it was committed, or was broken and then fixed;
 * an entry that cannot be read is left out, so a broken past version yields no correction rather
 * than a failed build. Read with the same bounds as the current files ({@link YamlLimits}).
 */
public final class PastValues {

    private PastValues() {
    }

    /** Indicator id → the figure as printed ({@code 1233}, {@code 1700余万}), in file order. */
    public static Map<String, String> printed(String yaml) {
        Map<String, String> printed = new LinkedHashMap<>();
        try {
            ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder().loaderOptions(YamlLimits.options())
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlLimits.MAX_DEPTH).build())
                    .build());
            JsonNode values = mapper.readTree(yaml).path("values");
            for (JsonNode v : values) {
                String id = v.path("indicator").asText("");
                String number = v.path("value").asText("");
                Optional<Wording> wording = Wording.parse(v.path("wording").asText("N"));
                if (!id.isEmpty() && !number.isEmpty() && wording.isPresent()) {
                    printed.put(id, wording.get().print(new BigDecimal(number)));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        return printed;
    }
}
