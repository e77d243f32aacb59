package cn.fazhi.portal.history;

import cn.fazhi.portal.load.Publications;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.problems.Problem;

import java.util.Optional;

/**
 * The warning a build prints in a shallow clone: its history ends at some commit, so corrections
 * made before it cannot be found, and the site would show fewer than there are without a word.
 */
public final class Shallow {

    private Shallow() {
    }

    /** The warning, when the history is shallow. */
    public static Optional<Problem> warning(SourceHistory history) {
        return history.shallowSince().map(t -> Problem.at("git", 0, "history is shallow: corrections before "
                        + t.atZone(Publications.CHINA).toLocalDate() + " cannot be shown (浅克隆)",
                "fetch the whole history: git fetch --unshallow (in a GitHub workflow: fetch-depth: 0 under actions/checkout)"));
    }
}
