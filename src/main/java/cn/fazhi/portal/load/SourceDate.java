package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The time the feed gives a report that states no {@code :date:}: the source's last commit (the
 * last commit that changed content/ or data/), else {@code SOURCE_DATE_EPOCH}, else none. Never
 * the clock, so two builds of the same commit are byte-identical.
 *
 * @param instant the time, or empty when neither git nor SOURCE_DATE_EPOCH gives one
 */
public record SourceDate(Optional<Instant> instant) {

    /**
     * @param sourceDateEpoch the value of SOURCE_DATE_EPOCH (seconds since 1970), or null when unset
     * @throws ProblemsException when SOURCE_DATE_EPOCH is set but not a number of seconds
     */
    public static SourceDate of(SourceTree tree, String sourceDateEpoch) {
        Optional<Instant> epoch = epoch(sourceDateEpoch, tree.inGit());
        // The report's own files: a commit that changes only the code or the theme is no news of it.
        Optional<Instant> commit = LastCommit.of(List.of(tree.content(), tree.data()));
        return new SourceDate(commit.isPresent() ? commit : epoch);
    }

    /** SOURCE_DATE_EPOCH as a time; empty when unset. The same check as {@link #of}. */
    public static Optional<Instant> epoch(SourceTree tree, String sourceDateEpoch) {
        return epoch(sourceDateEpoch, tree.inGit());
    }

    private static Optional<Instant> epoch(String value, boolean inGit) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException | DateTimeException e) {
            throw new ProblemsException(Problem.at("SOURCE_DATE_EPOCH", 0,
                    "the environment variable SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970",
                    inGit ? "unset it, or set it to the last commit's time: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"
                            : "unset it, or set it to a number of seconds since 1970, e.g. SOURCE_DATE_EPOCH=1700000000"));
        }
    }
}
