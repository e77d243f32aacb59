package cn.fazhi.portal.load;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells drafting from correcting while {@link SourceHistory} walks: a change of a report file is a
 * correction only when the report, as it stood just before the commit, was published with a date
 * ({@code :date:}, no {@code :status: draft}) and the commit is dated after that day in China.
 *
 * <p>Asking the report as it stood, not as it stands: the real site's text was typed in long after
 * 2024-03-08, but the report carried no {@code :date:} while it was typed, so that typing is
 * drafting, and only what changes after the portal published it with its date is a correction. A
 * report that never states {@code :date:} has no publication to correct: nothing tells its
 * drafting from a correction, so none is shown.
 */
public final class Publications {

    /** Report dates are dates in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern REPORT_FILE = Pattern.compile("(?:content/(\\d{4})/[^/]+\\.adoc|data/(\\d{4})\\.yaml)");

    /** Per parent commit and year, the publication date: a commit that changes many files of a year reads its index.adoc once. */
    private final java.util.Map<String, Optional<LocalDate>> seen = new java.util.HashMap<>();

    /** The change of {@code path} by {@code commit}, when it corrects a published report. */
    Optional<FileChange> change(Repository repo, RevCommit commit, String path, String prefix, ObjectId before,
                                ObjectId after) throws IOException {
        Matcher m = REPORT_FILE.matcher(path);
        if (!m.matches() || before.equals(ObjectId.zeroId()) || after.equals(ObjectId.zeroId())) {
            return Optional.empty(); // not a report file, or added or deleted: nothing was corrected
        }
        int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        RevCommit parent = commit.getParent(0);
        String key = parent.name() + "/" + year;
        Optional<LocalDate> published = seen.get(key);
        if (published == null) {
            published = read(repo, parent, prefix + "content/" + year + "/index.adoc").flatMap(Publications::publishedOn);
            seen.put(key, published);
        }
        LocalDate day = commit.getCommitterIdent().getWhenAsInstant().atZone(CHINA).toLocalDate();
        if (published.isEmpty() || !day.isAfter(published.get())) {
            return Optional.empty();
        }
        String message = commit.getFullMessage().strip();
        String reason = message.contains("\n") ? "" : message;
        return Optional.of(new FileChange(path, year, commit.getCommitterIdent().getWhenAsInstant(), reason,
                text(repo, before), text(repo, after)));
    }

    /** The :date: of a published landing file's header; empty for a draft or an undated report. */
    static Optional<LocalDate> publishedOn(String landing) {
        List<cn.fazhi.portal.problems.Problem> ignored = new ArrayList<>();
        return AsciiDocHeader.parse(TextFile.builtIn("index.adoc", normalise(landing)), ignored).flatMap(h -> {
            boolean draft = h.attribute("status").map(a -> a.value().equals("draft")).orElse(false);
            try {
                return draft ? Optional.empty() : h.attribute("date").map(a -> LocalDate.parse(a.value()));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> read(Repository repo, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
            return walk == null ? Optional.empty() : Optional.of(text(repo, walk.getObjectId(0)));
        }
    }

    private static String text(Repository repo, ObjectId blob) throws IOException {
        return normalise(new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8));
    }

    /** As {@link TextFile} reads a file: no BOM, Unix line ends. */
    static String normalise(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
    }
}
