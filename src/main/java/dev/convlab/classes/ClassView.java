package dev.convlab.classes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A class as its reader may see it. {@code role} is the reader's: instructor, learner, or administrator (the site's,
 * who teaches every class). The code and join link are only for those who teach it; {@code joinable} says whether
 * the code lets anyone in right now (joining open, not archived, not past its end date).
 */
public record ClassView(long id, String name, String term, LocalDate endsOn, String role, boolean isDefault, String privacy,
        boolean onSiteBoard, boolean joiningOpen, boolean joinable, boolean archived, Instant archivedAt, long learners,
        long instructors, String joinCode, String joinPath) {

    /** The site administrator's role in a class they are not an instructor of: they teach every class. */
    public static final String ADMINISTRATOR = "administrator";

    public boolean teaches() {
        return !ClassMember.LEARNER.equals(role);
    }
}
